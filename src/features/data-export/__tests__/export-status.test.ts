import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { DataExport } from '@/contract/data-export'
import { describeExport, isInProgress } from '../export-status'

const base: DataExport = {
  id: 'e-1',
  status: 'pending',
  requestedAt: '2026-12-03T06:30:00.000Z',
  readyAt: null,
  expiresAt: null,
  bytes: null,
  photoCount: null,
  downloadUrl: null,
}

test('waiting and packing keep the page asking; ready, failed and expired do not', () => {
  assert.equal(isInProgress(base), true)
  assert.equal(isInProgress({ ...base, status: 'building' }), true)
  for (const status of ['ready', 'failed', 'expired'] as const) assert.equal(isInProgress({ ...base, status }), false)
  assert.equal(isInProgress(null), false)
})

test('a ready export says its size, its photos and until when it can be downloaded', () => {
  const ready = describeExport({ ...base, status: 'ready', readyAt: '2026-12-03T06:35:00.000Z', expiresAt: '2026-12-10T06:35:00.000Z', bytes: 3_250_000, photoCount: 3 })
  assert.equal(ready.title, '可以下载')
  assert.match(ready.detail, /^大小 3\.1 MB，含 3 张照片；12月10日 \d{2}:35 前可以下载，之后自动删除$/)
  assert.equal(describeExport(base).title, '等待中')
  assert.equal(describeExport({ ...base, status: 'building' }).title, '正在打包')
  assert.match(describeExport({ ...base, status: 'expired', expiresAt: '2026-12-10T06:35:00.000Z' }).detail, /压缩包已删除/)
})
