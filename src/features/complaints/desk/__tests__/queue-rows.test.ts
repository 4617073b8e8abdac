import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ComplaintDetail } from '@/contract/complaint'
import { assigneeName, nextSort, rowAfter, visibleRows, type QueueRow } from '../queue-rows'

const row = (fields: Partial<QueueRow>): QueueRow => ({
  id: fields.number ?? 'x',
  number: 'WQ20261201000001',
  status: 'awaiting_review',
  path: 'association',
  businessName: '某商家',
  industry: 'food',
  amountFen: 100,
  photoCount: 0,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  dueAt: '2026-12-08T15:59:59.000Z',
  dueKind: 'review',
  dueDayKind: 'working',
  overdue: false,
  dueDaysLeft: 3,
  overdueDays: null,
  assignedStaffId: null,
  clockPausedAt: null,
  ...fields,
})

const names = new Map([['s2', '王调解']])
const nameOf = (r: QueueRow) => assigneeName(r, 's1', names)
const numbers = (rows: QueueRow[]) => rows.map((r) => r.number)

const queue = [
  row({ number: 'WQ3', businessName: '乙超市', status: 'mediating', dueAt: '2026-12-03T15:59:59.000Z', assignedStaffId: 's2', overdue: true }),
  row({ number: 'WQ1', businessName: '甲餐厅', status: 'awaiting_review', dueAt: null, organizationName: '市消协' }),
  row({ number: 'WQ2', businessName: 'Apple 专卖店', status: 'accepted', dueAt: '2026-12-05T15:59:59.000Z', assignedStaffId: 's1' }),
]

describe('the desk queue: sorting and finding within the loaded rows', () => {
  test('no sort keeps the server order; a column sorts both ways', () => {
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: '' }, null, nameOf)), ['WQ3', 'WQ1', 'WQ2'])
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: '' }, { key: 'number', direction: 'asc' }, nameOf)), ['WQ1', 'WQ2', 'WQ3'])
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: '' }, { key: 'number', direction: 'desc' }, nameOf)), ['WQ3', 'WQ2', 'WQ1'])
    // status in workflow order: awaiting review, accepted, mediating
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: '' }, { key: 'status', direction: 'asc' }, nameOf)), ['WQ1', 'WQ2', 'WQ3'])
  })

  test('a case without a deadline or organization goes last either way', () => {
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: '' }, { key: 'deadline', direction: 'asc' }, nameOf)), ['WQ3', 'WQ2', 'WQ1'])
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: '' }, { key: 'deadline', direction: 'desc' }, nameOf)), ['WQ2', 'WQ3', 'WQ1'])
    assert.equal(visibleRows(queue, { overdueOnly: false, text: '' }, { key: 'organization', direction: 'desc' }, nameOf)[0]?.number, 'WQ1')
  })

  test('overdue only, and a number or business name in any case', () => {
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: true, text: '' }, null, nameOf)), ['WQ3'])
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: 'wq2' }, null, nameOf)), ['WQ2'])
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: 'apple' }, null, nameOf)), ['WQ2'])
    assert.deepEqual(numbers(visibleRows(queue, { overdueOnly: false, text: ' 超市 ' }, null, nameOf)), ['WQ3'])
  })

  test('assignee in words; sort cycles asc, desc, server order', () => {
    assert.deepEqual(queue.map(nameOf), ['王调解', '未分配', '我'])
    assert.equal(assigneeName(row({ assignedStaffId: 'gone' }), 's1', names), '其他同事')
    assert.deepEqual(nextSort(null, 'status'), { key: 'status', direction: 'asc' })
    assert.deepEqual(nextSort({ key: 'status', direction: 'asc' }, 'status'), { key: 'status', direction: 'desc' })
    assert.equal(nextSort({ key: 'status', direction: 'desc' }, 'status'), null)
    assert.deepEqual(nextSort({ key: 'status', direction: 'desc' }, 'number'), { key: 'number', direction: 'asc' })
  })

  test('a row after an action shows the new status, deadline and assignee', () => {
    const before = queue[1] as QueueRow
    const handling = { dueAt: '2026-12-20T15:59:59.000Z', dueKind: 'mediation', overdue: false, dueDaysLeft: 10, overdueDays: null, assignedStaffId: 's1' }
    const after = rowAfter(before, { id: before.id, status: 'accepted', updatedAt: '2026-12-04T01:00:00.000Z', handling } as unknown as ComplaintDetail)
    assert.equal(after.status, 'accepted')
    assert.equal(after.dueKind, 'mediation')
    assert.equal(after.assignedStaffId, 's1')
    assert.equal(after.organizationName, '市消协')
    assert.equal(after.businessName, '甲餐厅')
  })
})
