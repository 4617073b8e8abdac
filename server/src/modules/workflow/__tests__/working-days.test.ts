import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addWorkingDays, isWorkingDay, stepCountdown, workingDayCountdown } from '../working-days'

const china = (local: string) => new Date(`${local}+08:00`)

describe('working days in China time', () => {
  test('weekends rest and weekdays work outside holidays', () => {
    assert.equal(isWorkingDay(china('2025-09-26T10:00:00')), true) // Friday
    assert.equal(isWorkingDay(china('2025-09-27T10:00:00')), false) // Saturday
  })

  test('the 2025 National Day and Mid-Autumn week rests, its make-up Sunday and Saturday work', () => {
    assert.equal(isWorkingDay(china('2025-09-28T09:00:00')), true) // Sunday 调休上班
    for (let day = 1; day <= 8; day++) assert.equal(isWorkingDay(china(`2025-10-0${day}T12:00:00`)), false, `10-0${day}`)
    assert.equal(isWorkingDay(china('2025-10-11T09:00:00')), true) // Saturday 调休上班
  })

  test('the China date decides, not the UTC date', () => {
    // 2025-10-08 20:00 UTC is already 10-09 04:00 in Shanghai, a working day.
    assert.equal(isWorkingDay(new Date('2025-10-08T20:00:00Z')), true)
    assert.equal(isWorkingDay(new Date('2025-09-30T17:00:00Z')), false)
  })

  test('10 working days from 2025-09-28 skip the holiday week and count the make-up Saturday', () => {
    const due = addWorkingDays(china('2025-09-28T15:00:00'), 10)
    // 9-29, 9-30, 10-9, 10-10, 10-11 (Sat), 10-13 … 10-17
    assert.equal(due.toISOString(), china('2025-10-17T23:59:59').toISOString())
  })

  test('Spring Festival 2025 with its 调休 Sunday and Saturday', () => {
    assert.equal(isWorkingDay(china('2025-01-26T09:00:00')), true)
    assert.equal(isWorkingDay(china('2025-01-28T09:00:00')), false)
    assert.equal(isWorkingDay(china('2025-02-04T09:00:00')), false)
    assert.equal(isWorkingDay(china('2025-02-08T09:00:00')), true)
    // From Friday 01-24: 01-26, 01-27, 02-05, 02-06, 02-07, 02-08 (Sat), 02-10 → the 7th is 02-10.
    assert.equal(addWorkingDays(china('2025-01-24T18:00:00'), 7).toISOString(), china('2025-02-10T23:59:59').toISOString())
  })

  test('a filing late in the evening still gets whole working days', () => {
    assert.equal(addWorkingDays(china('2025-09-26T23:30:00'), 1).toISOString(), china('2025-09-28T23:59:59').toISOString())
  })

  test('45 working days from acceptance', () => {
    // After Monday 2025-09-01: 22 in September (with Sunday 09-28), 18 in October, then 11-03 … 11-07.
    const due = addWorkingDays(china('2025-09-01T10:00:00'), 45)
    assert.equal(due.toISOString(), china('2025-11-07T23:59:59').toISOString())
  })

  test('the countdown a person sees: working days left, due today, then working days late', () => {
    const due = china('2025-10-17T23:59:59').toISOString() // 10 working days from 2025-09-28
    assert.deepEqual(workingDayCountdown(due, new Date(china('2025-09-28T15:00:00'))), { left: 10, overdueBy: 0, overdue: false })
    assert.equal(workingDayCountdown(due, new Date(china('2025-10-05T15:00:00'))).left, 8) // the holiday week costs nothing
    assert.equal(workingDayCountdown(due, new Date(china('2025-10-17T08:00:00'))).left, 0) // due today
    // Saturday after the deadline: late, but no working day lost yet; Monday: one.
    assert.deepEqual(workingDayCountdown(due, new Date(china('2025-10-18T10:00:00'))), { left: 0, overdueBy: 0, overdue: true })
    assert.deepEqual(workingDayCountdown(due, new Date(china('2025-10-20T10:00:00'))), { left: 0, overdueBy: 1, overdue: true })
  })

  test('a calendar-day step counts every day, holidays included', () => {
    const due = china('2025-10-17T23:59:59').toISOString()
    assert.deepEqual(stepCountdown(due, new Date(china('2025-09-28T15:00:00')), 'calendar'), { left: 19, overdueBy: 0, overdue: false })
    assert.equal(stepCountdown(due, new Date(china('2025-10-05T15:00:00')), 'calendar').left, 12) // the holiday week counts
    assert.deepEqual(stepCountdown(due, new Date(china('2025-10-18T10:00:00')), 'calendar'), { left: 0, overdueBy: 1, overdue: true })
    assert.deepEqual(stepCountdown(due, new Date(china('2025-09-28T15:00:00')), 'working'), workingDayCountdown(due, new Date(china('2025-09-28T15:00:00'))))
  })
})
