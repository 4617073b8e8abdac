import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { classifyFailure, syncOutboxOnce, type toRequestBody, type OutboxDeps } from '../outbox/outbox-sync'
import type { OutboxReport } from '../outbox/outbox-types'

const failure = (status: number, message = '') => Object.assign(new Error(message), { status })

function report(clientId: string, queuedAt: string, photoFiles: string[], overrides: Partial<OutboxReport> = {}): OutboxReport {
  return {
    clientId,
    ownerId: 'u-1',
    queuedAt,
    draft: { category: 'expired_food', businessName: ` ${clientId} 超市 `, businessAddress: '', region: '正蓝旗', location: { latitude: 42.2, longitude: 116, accuracy: 25 }, manualAddress: '', observedAt: queuedAt, notes: '' },
    photos: photoFiles.map((file, i) => ({ id: `${clientId}-p${i}`, file, bytes: 100, capturedAt: queuedAt, fix: { latitude: 42.2, longitude: 116, accuracy: 25 } })),
    state: 'waiting',
    problem: null,
    failures: 0,
    ...overrides,
  }
}

/** An in-memory outbox and a fake server whose answers the test decides. */
function harness(initial: OutboxReport[], server: { upload?(file: string): Promise<string>; post?(clientId: string): Promise<void> } = {}) {
  let reports = [...initial]
  const uploads: string[] = []
  const provenances: unknown[] = []
  const posts: ReturnType<typeof toRequestBody>[] = []
  const discarded: string[] = []
  const deps: OutboxDeps = {
    reports: () => reports,
    patch: (id, change) => (reports = reports.map((r) => (r.clientId === id ? { ...r, ...change } : r))),
    remove: (id) => (reports = reports.filter((r) => r.clientId !== id)),
    progress: () => undefined,
    uploadPhoto: async (file, onPercent, provenance) => {
      onPercent(50)
      uploads.push(file)
      provenances.push(provenance)
      return server.upload ? server.upload(file) : `ev-${file}`
    },
    postReport: async (body) => {
      posts.push(body)
      if (server.post) await server.post(body.clientId)
    },
    discardPhoto: async (file) => void discarded.push(file),
  }
  return { deps, uploads, provenances, posts, discarded, reports: () => reports }
}

describe('outbox sync', () => {
  test('sends oldest first, photos before the report, then forgets the report and its files', async () => {
    const h = harness([report('b', '2026-11-24T01:05:00.000Z', ['b1']), report('a', '2026-11-24T01:00:00.000Z', ['a1', 'a2'])])
    const outcome = await syncOutboxOnce(h.deps)
    assert.deepEqual(outcome, { sent: 2, refused: 0, stoppedBy: null })
    assert.deepEqual(h.uploads, ['a1', 'a2', 'b1'])
    assert.deepEqual(h.posts.map((p) => p.clientId), ['a', 'b'])
    assert.deepEqual(h.posts[0]!.photos.map((p) => p.evidenceId), ['ev-a1', 'ev-a2'])
    assert.equal(h.posts[0]!.businessName, 'a 超市', 'trimmed')
    assert.equal(h.posts[0]!.businessAddress, undefined, 'empty optional fields are left out')
    assert.equal(h.posts[0]!.photos[0]!.latitude, 42.2, 'each photo carries where it was taken')
    assert.deepEqual(h.reports(), [])
    assert.deepEqual(h.discarded.sort(), ['a1', 'a2', 'b1'])
  })

  test('each photo is uploaded with what was read from it before compressing; the report carries its EXIF capture time', async () => {
    const provenance = { originalSha256: 'a'.repeat(64), capturedAt: '2026-11-23T23:10:00.000Z', latitude: 42.2, longitude: 116 }
    const queued = report('a', '2026-11-24T01:00:00.000Z', ['a1'])
    queued.photos[0] = { ...queued.photos[0]!, provenance, capturedAt: provenance.capturedAt }
    const h = harness([queued])
    await syncOutboxOnce(h.deps)
    assert.deepEqual(h.provenances, [provenance])
    assert.equal(h.posts[0]!.photos[0]!.capturedAt, '2026-11-23T23:10:00.000Z')
  })

  test('a network failure stops the run, keeps the report and remembers photos already uploaded', async () => {
    let online = false
    const h = harness([report('a', '2026-11-24T01:00:00.000Z', ['a1', 'a2'])], {
      upload: async (file) => {
        if (file === 'a2' && !online) throw failure(0)
        return `ev-${file}`
      },
    })
    assert.deepEqual(await syncOutboxOnce(h.deps), { sent: 0, refused: 0, stoppedBy: 'network' })
    const kept = h.reports()[0]!
    assert.equal(kept.state, 'waiting')
    assert.equal(kept.failures, 1)
    assert.equal(kept.photos[0]!.evidenceId, 'ev-a1')
    assert.equal(kept.photos[1]!.evidenceId, undefined)
    online = true
    assert.equal((await syncOutboxOnce(h.deps)).sent, 1)
    assert.deepEqual(h.uploads, ['a1', 'a2', 'a2'], 'a1 was not uploaded twice')
  })

  test('a 5xx on the report is retried later; a 4xx marks it 需要修改 with the server message and the rest still go', async () => {
    const h = harness([report('a', '2026-11-24T01:00:00.000Z', ['a1']), report('b', '2026-11-24T01:01:00.000Z', ['b1'])], {
      post: async (id) => {
        if (id === 'a') throw failure(409, '这份报告与之前上传的同一份报告内容不一致，请检查后重新提交')
      },
    })
    assert.deepEqual(await syncOutboxOnce(h.deps), { sent: 1, refused: 1, stoppedBy: null })
    assert.equal(h.reports().length, 1)
    assert.equal(h.reports()[0]!.state, 'needs_fix')
    assert.match(h.reports()[0]!.problem ?? '', /内容不一致/)
    // A refused report is not sent again until the volunteer edits it.
    const again = await syncOutboxOnce(h.deps)
    assert.deepEqual(again, { sent: 0, refused: 0, stoppedBy: null })
    assert.equal(h.posts.length, 2)

    const busy = harness([report('c', '2026-11-24T01:00:00.000Z', [])], { post: async () => Promise.reject(failure(503)) })
    assert.equal((await syncOutboxOnce(busy.deps)).stoppedBy, 'network')
    assert.equal(busy.reports()[0]!.state, 'waiting')
  })

  test('classifies failures', () => {
    assert.equal(classifyFailure(failure(0)).kind, 'network')
    assert.equal(classifyFailure(failure(429)).kind, 'network')
    assert.equal(classifyFailure(failure(502)).kind, 'network')
    assert.equal(classifyFailure(failure(401)).kind, 'signed_out')
    assert.deepEqual(classifyFailure(failure(403, '仅限志愿者')), { kind: 'refused', message: '仅限志愿者' })
    assert.deepEqual(classifyFailure(new Error('照片已不在本机，请删除后重新添加')), { kind: 'refused', message: '照片已不在本机，请删除后重新添加' })
    assert.equal(classifyFailure(new TypeError('Failed to fetch')).kind, 'network')
  })
})
