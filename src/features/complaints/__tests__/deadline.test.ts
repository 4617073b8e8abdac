import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import dayjs from 'dayjs'
import type { WorkItem } from '@/contract/complaint-actions'
import { byDeadline, deadlineWords } from '../handling/deadline'

const NOW = dayjs('2026-11-23T10:00:00')

describe('deadline in plain words (calendar days)', () => {
  test('days left, due today, overdue, no deadline', () => {
    assert.deepEqual(deadlineWords('2026-11-26T15:59:59', 'enterprise_response', false, NOW), { title: '企业答复期限：11月26日前', left: '还剩 3 天', overdue: false })
    assert.equal(deadlineWords('2026-11-23T23:59:59', 'review', false, NOW)?.left, '今天到期')
    assert.deepEqual(deadlineWords('2026-11-21T15:59:59', 'mediation', true, NOW), { title: '调解期限：11月21日前', left: '已超期 2 天', overdue: true })
    // the server says overdue although the calendar day has not turned: believe the server
    assert.equal(deadlineWords('2026-11-23T09:00:00', null, true, NOW)?.left, '已超期')
    assert.equal(deadlineWords(null, null, false, NOW), null)
  })

  test('queues: nearest deadline first, none last', () => {
    const item = (id: string, dueAt: string | null) => ({ id, dueAt, createdAt: '2026-11-01T00:00:00Z' }) as WorkItem
    const sorted = [item('none', null), item('late', '2026-12-05T00:00:00Z'), item('soon', '2026-11-25T00:00:00Z')].sort(byDeadline)
    assert.deepEqual(sorted.map((i) => i.id), ['soon', 'late', 'none'])
  })
})
