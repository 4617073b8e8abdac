import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { deadlineWords, type Deadline } from '../handling/deadline'

const due = (fields: Partial<Deadline>): Deadline => ({
  dueAt: '2026-11-26T15:59:59.000Z',
  dueKind: 'enterprise_response',
  overdue: false,
  dueDaysLeft: 3,
  overdueDays: null,
  ...fields,
})

describe('deadline in plain words (working days counted by the server)', () => {
  test('working days left, due today, overdue, no deadline', () => {
    assert.deepEqual(deadlineWords(due({})), { title: '企业答复期限：11月26日前', left: '剩余 3 个工作日', overdue: false, paused: false })
    assert.equal(deadlineWords(due({ dueKind: 'review', dueDaysLeft: 0 }))?.left, '今天到期')
    assert.deepEqual(deadlineWords(due({ dueKind: 'mediation', dueAt: '2026-11-21T15:59:59.000Z', overdue: true, dueDaysLeft: 0, overdueDays: 2 })), {
      title: '调解期限：11月21日前',
      left: '已超期 2 个工作日',
      overdue: true,
      paused: false,
    })
    // overdue since Friday evening and it is the weekend: no working day lost yet, still overdue
    assert.equal(deadlineWords(due({ overdue: true, dueDaysLeft: 0, overdueDays: 0 }))?.left, '已超期')
    assert.equal(deadlineWords(due({ dueAt: null, dueKind: null, dueDaysLeft: null })), null)
  })

  test('a testing/appraisal pause: 计时已暂停 instead of a date, the frozen count, never overdue', () => {
    const paused = deadlineWords(due({ dueKind: 'mediation', overdue: false, dueDaysLeft: 6, clockPaused: { since: '2026-11-20T02:00:00.000Z', reason: '送检' } }))
    assert.deepEqual(paused, { title: '调解期限：计时已暂停（检测鉴定）', left: '暂停时剩余 6 个工作日，恢复后期限顺延', overdue: false, paused: true })
    assert.equal(deadlineWords(due({ clockPausedAt: '2026-11-20T02:00:00.000Z' }))?.paused, true)
  })

  test('a step the rules count in calendar days (2026 measure: mediation 60 days) says 天, not 工作日', () => {
    const calendar = { dueKind: 'mediation', dueDayKind: 'calendar' } as const
    assert.equal(deadlineWords(due({ ...calendar, dueDaysLeft: 42 }))?.left, '剩余 42 天')
    assert.equal(deadlineWords(due({ ...calendar, overdue: true, dueDaysLeft: 0, overdueDays: 3 }))?.left, '已超期 3 天')
    assert.equal(deadlineWords(due({ ...calendar, dueDaysLeft: 5, clockPausedAt: '2026-11-20T02:00:00.000Z' }))?.left, '暂停时剩余 5 天，恢复后期限顺延')
  })
})
