import assert from 'node:assert/strict'
import { test } from 'node:test'
import { viewerLine, viewersEmptyText } from '../detail/viewers'

test('a read is shown by organization and role, with its time, never by person', () => {
  const line = viewerLine({ roleLabel: '企业联络员', organization: '示例优选超市有限公司', what: 'phone', at: '2026-12-03T06:30:00.000Z' })
  assert.equal(line.who, '示例优选超市有限公司 企业联络员')
  assert.equal(line.what, '查看了投诉及您的联系电话')
  assert.match(line.when, /^2026年12月3日 \d{2}:30$/)
})

test('nobody yet, and no list at all, each say so', () => {
  assert.equal(viewersEmptyText([]), '还没有消协工作人员或商家查看过这件投诉')
  assert.equal(viewersEmptyText(undefined), '暂时无法显示查看记录')
  assert.equal(viewersEmptyText([{ roleLabel: '消协工作人员', organization: '消费者协会', what: 'detail', at: '2026-12-03T06:30:00.000Z' }]), null)
})
