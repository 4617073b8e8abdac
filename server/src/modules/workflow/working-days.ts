import calendar from './china-holidays.json'

/**
 * Working days in China time (Asia/Shanghai, UTC+8 all year): Monday–Friday, minus the public
 * holidays and plus the make-up working days (调休上班) listed in china-holidays.json.
 */
interface CalendarYear {
  status: string
  holidays: ReadonlyArray<{ name: string; from: string; to: string }>
  workdays: readonly string[]
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const holidays = new Set<string>()
const workdays = new Set<string>()
for (const year of Object.values(calendar.years as Record<string, CalendarYear>)) {
  for (const holiday of year.holidays) {
    for (let day = Date.parse(`${holiday.from}T00:00:00Z`); day <= Date.parse(`${holiday.to}T00:00:00Z`); day += DAY_MS) {
      holidays.add(new Date(day).toISOString().slice(0, 10))
    }
  }
  for (const day of year.workdays) workdays.add(day)
}

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** Whether the China calendar day containing `instant` is a working day. */
export function isWorkingDay(instant: Date): boolean {
  return isWorkingDate(chinaDate(instant))
}

/** Whether a China calendar date (YYYY-MM-DD) is a working day. */
export function isWorkingDate(date: string): boolean {
  if (workdays.has(date)) return true
  if (holidays.has(date)) return false
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The deadline `n` working days after `from`: the end (23:59:59 China time) of the nth working day
 * after the China date of `from`. The day of `from` itself does not count, as a step started in
 * the evening must not lose a day.
 */
export function addWorkingDays(from: Date, n: number): Date {
  let date = chinaDate(from)
  let left = n
  while (left > 0) {
    date = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
    if (isWorkingDate(date)) left -= 1
  }
  return new Date(`${date}T23:59:59+08:00`)
}
