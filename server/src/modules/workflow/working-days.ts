import { chinaDate, DAY_MS } from '../../china-time'
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

export { chinaDate }

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

/** Working days d with `after` < d ≤ `through` (China dates, YYYY-MM-DD). */
export function workingDatesBetween(after: string, through: string): number {
  let count = 0
  for (let day = Date.parse(`${after}T00:00:00Z`) + DAY_MS; day <= Date.parse(`${through}T00:00:00Z`); day += DAY_MS) {
    if (isWorkingDate(new Date(day).toISOString().slice(0, 10))) count += 1
  }
  return count
}

export interface WorkingDayCountdown {
  /** Whole working days after today up to the deadline's day; 0 on the last day and once overdue. */
  left: number
  /** Working days since the deadline's day (today included); 0 when not overdue or overdue only over a weekend. */
  overdueBy: number
  overdue: boolean
}

/**
 * A deadline counted as a person counts it at work: right after a 10-working-day step starts,
 * 10 left; on the deadline's own day, 0 (due today); after it, how many working days late.
 */
export function workingDayCountdown(dueAt: string, now: Date): WorkingDayCountdown {
  return countdown(dueAt, now, workingDatesBetween)
}

/** The same countdown in calendar days (自然日), for steps whose rule counts them so. */
export function stepCountdown(dueAt: string, now: Date, dayKind: 'working' | 'calendar'): WorkingDayCountdown {
  return countdown(dueAt, now, dayKind === 'working' ? workingDatesBetween : calendarDatesBetween)
}

function countdown(dueAt: string, now: Date, between: (after: string, through: string) => number): WorkingDayCountdown {
  const due = new Date(dueAt)
  const today = chinaDate(now)
  const dueDate = chinaDate(due)
  if (now.getTime() <= due.getTime()) return { left: between(today, dueDate), overdueBy: 0, overdue: false }
  return { left: 0, overdueBy: between(dueDate, today), overdue: true }
}

function calendarDatesBetween(after: string, through: string): number {
  return Math.max(0, Math.round((Date.parse(`${through}T00:00:00Z`) - Date.parse(`${after}T00:00:00Z`)) / DAY_MS))
}
