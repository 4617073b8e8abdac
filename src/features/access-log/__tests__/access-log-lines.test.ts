import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AccessLogEntry } from '@/contract/access-log'
import { accessLogLine, cleanQuery } from '../access-log-lines'

const entry: AccessLogEntry = {
  id: 'r-1',
  actorId: 'u-1',
  actorName: '陈主任',
  actorRole: 'staff',
  organizationId: null,
  organization: '消费者协会',
  what: 'phone',
  complaintId: 'c-1',
  complaintNumber: 'WQ20261203000001',
  at: '2026-12-03T06:30:05.000Z',
}

test('a staff read names the person, their role and organization, what and which case', () => {
  const line = accessLogLine(entry)
  assert.equal(line.who, '陈主任')
  assert.equal(line.where, '消协工作人员 · 消费者协会')
  assert.equal(line.what, '手机号')
  assert.equal(line.subject, 'WQ20261203000001')
  assert.match(line.when, /^2026-12-03 \d{2}:30:05$/)
  assert.equal(accessLogLine({ ...entry, what: 'original_photo' }).what, '原图')
})

test("a consumer's own export is said as such and covers all their data", () => {
  const line = accessLogLine({ ...entry, actorName: '王阿姨', actorRole: 'consumer', what: 'export', complaintId: null, complaintNumber: null })
  assert.equal(line.where, '消费者本人')
  assert.equal(line.what, '导出')
  assert.equal(line.subject, '本人的全部数据')
})

test('empty filters are left out of the query', () => {
  assert.deepEqual(cleanQuery({ complaintNumber: '', actorId: undefined, from: '2026-12-01', to: '' }), { from: '2026-12-01' })
})
