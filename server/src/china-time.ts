/** China keeps one clock, UTC+8 all year with no daylight saving, so a fixed offset is exact. */
const CHINA_OFFSET_MS = 8 * 3600_000
export const DAY_MS = 24 * 3600_000

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant a China calendar date (YYYY-MM-DD) begins. */
export function chinaMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS)
}

/** 2026-11-24T02:05:00Z → '2026-11-24 10:05', read off a China clock. */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
