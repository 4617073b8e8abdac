import dayjs from 'dayjs'

/** 2026-11-24T01:30:00Z → 11月24日 09:30 (the phone's time zone) */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format('M月D日 HH:mm')
}
