/** 2026-12-04T10:05:00Z → 2026-12-04 18:05 (Beijing time, whatever the phone's zone). */
export function chinaDateTimeText(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}
