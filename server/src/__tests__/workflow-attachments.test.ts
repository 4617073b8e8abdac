import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ComplaintDetail } from '../../../src/contract/complaint'
import { makeJpeg, uploadPhoto } from './support/photos'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, createCast, fileOdrComplaint, PROPOSAL, readComplaint, type Cast } from './support/workflow'

describe(`a workflow step carries photos (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '76')
  })
  after(() => t.close())

  const upload = async (token: string) => {
    const response = await uploadPhoto(t, token, await makeJpeg())
    assert.equal(response.statusCode, 201, response.body)
    return response.json<{ id: string }>().id
  }

  test('the consumer turns a proposal down with a photo: it is on that event, for the consumer and the liaison', async () => {
    const filed = await fileOdrComplaint(t, cast)
    assert.equal((await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)).statusCode, 200)
    const photo = await upload(cast.consumer.token)
    const rejected = await act(t, cast.consumer.token, filed.id, 'reject_proposal', { reason: '收到的还是坏的，见照片', evidenceIds: [photo] })
    assert.equal(rejected.statusCode, 200, rejected.body)

    for (const token of [cast.consumer.token, cast.liaison.token, cast.staff.token]) {
      const detail = (await readComplaint(t, token, filed.id)).json<ComplaintDetail>()
      const event = detail.events.find((e) => e.type === 'reject_proposal')
      assert.equal(event?.evidence.length, 1, 'the photo belongs to the rejection')
      assert.equal(event?.evidence[0]?.id, photo)
    }
  })

  test('the liaison proposes with a photo of the receipt: the consumer sees it on the proposal', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const receipt = await upload(cast.liaison.token)
    const proposed = await act(t, cast.liaison.token, filed.id, 'propose', { ...PROPOSAL, evidenceIds: [receipt] })
    assert.equal(proposed.statusCode, 200, proposed.body)
    const detail = (await readComplaint(t, cast.consumer.token, filed.id)).json<ComplaintDetail>()
    assert.equal(detail.events.find((e) => e.type === 'propose')?.evidence[0]?.id, receipt)
    const photo = await t.app.inject({ url: `/api/evidence/${receipt}`, headers: { authorization: `Bearer ${cast.consumer.token}` } })
    assert.equal(photo.statusCode, 200, 'the complainant may open a photo the liaison attached')
  })

  test('someone else’s photo or an unknown id: 422 and the step is not taken; more than 9: 400', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const consumerPhoto = await upload(cast.consumer.token)
    const before = await complaintRow(t, filed.id)

    const foreign = await act(t, cast.liaison.token, filed.id, 'propose', { ...PROPOSAL, evidenceIds: [consumerPhoto] })
    assert.equal(foreign.statusCode, 422)
    assert.equal(foreign.json<{ code: string }>().code, 'EVIDENCE_INVALID')
    const after = await complaintRow(t, filed.id)
    assert.equal(after.status, 'enterprise_handling', 'rolled back with the photos')
    assert.equal(after.version, before.version)
    assert.equal(after.proposal_text, null)

    assert.equal((await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)).statusCode, 200)
    const used = await act(t, cast.consumer.token, filed.id, 'reject_proposal', { reason: '不行', evidenceIds: ['no-such-photo'] })
    assert.equal(used.statusCode, 422)
    assert.equal((await complaintRow(t, filed.id)).status, 'enterprise_proposed')

    const tooMany = await act(t, cast.consumer.token, filed.id, 'reject_proposal', { reason: '不行', evidenceIds: Array.from({ length: 10 }, (_, i) => `p-${i}`) })
    assert.equal(tooMany.statusCode, 400, 'at most 9 photos per step')
  })
})
