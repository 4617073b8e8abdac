import dayjs from 'dayjs'

/** 2026-11-23T08:05:00Z → 11月23日 16:05 (this year) or 2025年11月23日 16:05 */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const at = dayjs(iso)
  return at.format(at.year() === now.getFullYear() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm')
}
