import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ComplaintPrefill } from '@/contract/lawyer-qa'
import { newDraft, photoState, toCreateRequest } from '../drafts/draft-model'
import { draftFromQuestion } from '../filing/draft-from-question'

const NOW = '2026-12-05T01:00:00.000Z'
const prefill: ComplaintPrefill = {
  questionId: 'q-1',
  sessionTitle: '第97期',
  businessName: '星光健身',
  facts: '我在星光健身办了 5000 元的年卡，三个月后健身房关门，老板电话打不通。',
  photos: [
    {
      id: 'ev-copy-1',
      sha256: 'a'.repeat(64),
      originalSha256: null,
      mimeType: 'image/jpeg',
      bytes: 2048,
      width: 320,
      height: 240,
      capturedAt: null,
      displayUrl: 'https://example.invalid/display.jpg',
      thumbnailUrl: 'https://example.invalid/thumb.webp',
      createdAt: NOW,
    },
  ],
}

describe('一键投诉: a draft filled from a lawyer answer', () => {
  test('carries the business, the facts and the photos as already uploaded, and files with the source question', async () => {
    const base = newDraft({ id: 'd-1', idempotencyKey: 'k-1', ownerId: 'u-1', phone: '13800000001', now: NOW })
    const draft = await draftFromQuestion(base, prefill, NOW)
    assert.equal(draft.business.name, '星光健身')
    assert.equal(draft.description, prefill.facts)
    assert.deepEqual(draft.sourceQuestion, { id: 'q-1', sessionTitle: '第97期' })
    assert.equal(draft.photos.length, 1)
    // Nothing to upload: the server made the copy for this complaint.
    assert.equal(photoState(draft.photos[0]!), 'uploaded')
    const request = toCreateRequest({ ...draft, industry: 'prepaid', incidentDate: '2026-12-01', amountYuan: '5000', demands: ['refund'] })
    assert.equal(request.sourceQuestionId, 'q-1')
    assert.deepEqual(request.evidenceIds, ['ev-copy-1'])
    assert.equal(request.description, prefill.facts)
  })

  test('a question without a business leaves the name for the consumer to type', async () => {
    const base = newDraft({ id: 'd-2', idempotencyKey: 'k-2', ownerId: 'u-1', phone: null, now: NOW })
    const draft = await draftFromQuestion(base, { ...prefill, businessName: null, photos: [] }, NOW)
    assert.equal(draft.business.name, '')
    assert.deepEqual(draft.photos, [])
  })
})
