import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { WarningDetail, WarningSummary } from '../api/warning-types'
import { LISTED_LIMIT, warningCache, type CacheStore } from '../offline/warning-cache'

function memoryStore(): CacheStore & { keys(): string[] } {
  const map = new Map<string, string>()
  return {
    readCached: <T>(key: string) => Promise.resolve(map.has(key) ? (JSON.parse(map.get(key)!) as T) : undefined),
    writeCached: (key, value) => Promise.resolve(void map.set(key, JSON.stringify(value))),
    removeCached: (key) => Promise.resolve(void map.delete(key)),
    keys: () => [...map.keys()],
  }
}

const summary = (n: number): WarningSummary => ({
  id: `w-${n}`,
  kind: 'warning',
  title: `警示 ${n}`,
  summary: '摘要',
  industry: 'prepaid',
  regions: [],
  urgent: false,
  coverUrl: null,
  issuer: '市消费者协会',
  publishedAt: '2026-11-01T00:00:00.000Z',
  viewCount: 0,
})

test('keeps the last 50 listed warnings, newest listing first, each once', async () => {
  const cache = warningCache(memoryStore(), () => new Date('2026-11-24T01:00:00Z'))
  await cache.rememberListed(Array.from({ length: 30 }, (_, i) => summary(i)))
  await cache.rememberListed(Array.from({ length: 30 }, (_, i) => summary(i + 25)))
  const saved = await cache.listed()
  assert.equal(saved?.value.length, LISTED_LIMIT)
  assert.equal(saved?.value[0]?.id, 'w-25')
  assert.equal(new Set(saved?.value.map((w) => w.id)).size, LISTED_LIMIT)
  // 25..54 from the second page, then 0..19 from the first (20..24 were listed again)
  assert.equal(saved?.value.at(-1)?.id, 'w-19')
  assert.equal(saved?.savedAt, '2026-11-24T01:00:00.000Z')
})

test('an opened warning is kept until it is forgotten (gone on the server)', async () => {
  const store = memoryStore()
  const cache = warningCache(store)
  const detail: WarningDetail = { ...summary(1), bodyHtml: '<p>正文</p>', related: [] }
  await cache.rememberListed([summary(1), summary(2)])
  await cache.rememberDetail(detail)
  assert.equal((await cache.detail('w-1'))?.value.bodyHtml, '<p>正文</p>')
  await cache.forget('w-1')
  assert.equal(await cache.detail('w-1'), undefined)
  assert.deepEqual((await cache.listed())?.value.map((w) => w.id), ['w-2'])
})
