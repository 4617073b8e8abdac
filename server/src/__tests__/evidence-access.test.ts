import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { attachEvidence } from '../modules/evidence/evidence.repository'
import { findEnterpriseByName, insertEnterprise } from '../modules/users/enterprise.repository'
import { insertUser } from '../modules/users/user.repository'
import { DEMO_ENTERPRISE, seedDemoData } from '../seed/demo'
import { fetchSigned, makeJpeg, uploadPhoto } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

/** A complaint row routed to `enterpriseId`, written directly: these tests are about photos, not filing. */
async function insertComplaint(t: TestApp, consumerId: string, enterpriseId: string | null): Promise<string> {
  const id = randomUUID()
  const now = t.ctx.now().toISOString()
  await t.ctx.db
    .insertInto('complaints')
    .values({
      id,
      number: `WQ${Date.now()}${Math.floor(Math.random() * 1000)}`,
      consumer_id: consumerId,
      status: 'awaiting_review',
      path: 'odr',
      enterprise_id: enterpriseId,
      business_name: DEMO_ENTERPRISE.name,
      business_address: null,
      business_region: null,
      business_credit_code: null,
      industry: 'prepaid',
      incident_date: now.slice(0, 10),
      amount_fen: 100,
      demands: '["refund"]',
      demand_detail: null,
      description: '测试用的投诉，只为检查照片的查看权限。',
      contact_phone: '13800000001',
      consent_at: now,
      idempotency_key: randomUUID(),
      request_hash: 'x',
      created_at: now,
      updated_at: now,
      closed_at: null,
    })
    .execute()
  return id
}

describe(`who may upload and see evidence photos (${TEST_DB})`, () => {
  let t: TestApp
  const tokens: Record<'consumer' | 'volunteer' | 'enterprise' | 'staff' | 'otherConsumer' | 'otherEnterprise', string> = {} as never
  let consumerId: string
  let photoId: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    const other = await insertEnterprise(t.ctx.db, '快乐健身有限公司', null)
    await insertUser(t.ctx.db, { phone: '13900000003', role: 'enterprise', displayName: '钱经理', enterpriseId: other.id })
    const logins = [
      ['consumer', '13800000001'],
      ['volunteer', '13800000002'],
      ['enterprise', '13800000003'],
      ['staff', '13800000004'],
      ['otherConsumer', '13900000001'],
      ['otherEnterprise', '13900000003'],
    ] as const
    for (const [index, [who, phone]] of logins.entries()) {
      const session = await loginByPhone(t, phone, `10.42.0.${index + 1}`)
      tokens[who] = session.accessToken
      if (who === 'consumer') consumerId = session.user.id
    }
    const uploaded = await uploadPhoto(t, tokens.consumer, await makeJpeg())
    assert.equal(uploaded.statusCode, 201)
    photoId = uploaded.json().id
  })
  after(() => t.close())

  const view = (who: keyof typeof tokens, id = photoId) => t.app.inject({ url: `/api/evidence/${id}`, headers: bearer(tokens[who]) })
  const original = (who: keyof typeof tokens) => t.app.inject({ url: `/api/evidence/${photoId}/original`, headers: bearer(tokens[who]) })

  test('every signed-in role can upload (reports, workflow steps); without signing in: 401', async () => {
    for (const who of ['volunteer', 'enterprise', 'staff'] as const) {
      assert.equal((await uploadPhoto(t, tokens[who], await makeJpeg(90, 60))).statusCode, 201, who)
    }
    assert.equal((await uploadPhoto(t, 'not-a-token', await makeJpeg(90, 60))).statusCode, 401)
  })

  test('the owner and staff see the photo with fresh signed links', async () => {
    for (const who of ['consumer', 'staff'] as const) {
      const response = await view(who)
      assert.equal(response.statusCode, 200, who)
      const evidence = response.json()
      assert.equal(evidence.id, photoId)
      assert.equal((await fetchSigned(t, evidence.displayUrl)).status, 200)
      assert.equal((await fetchSigned(t, evidence.thumbnailUrl)).status, 200)
    }
  })

  test('another consumer, a volunteer and an unrelated enterprise get 404, as for a photo that does not exist', async () => {
    for (const who of ['otherConsumer', 'volunteer', 'enterprise', 'otherEnterprise'] as const) {
      const response = await view(who)
      assert.equal(response.statusCode, 404, who)
      assert.deepEqual(response.json(), (await view(who, randomUUID())).json())
    }
  })

  test('the enterprise the complaint is routed to sees its photos; other enterprises still do not', async () => {
    const enterprise = await findEnterpriseByName(t.ctx.db, DEMO_ENTERPRISE.name)
    const complaintId = await insertComplaint(t, consumerId, enterprise!.id)
    const attached = await attachEvidence(t.ctx.db, { ids: [photoId], ownerId: consumerId, complaintId, eventId: null, now: t.ctx.now().toISOString() })
    assert.equal(attached?.length, 1)
    assert.equal((await view('enterprise')).statusCode, 200)
    assert.equal((await view('otherEnterprise')).statusCode, 404)
    assert.equal((await view('otherConsumer')).statusCode, 404)
  })

  test('on an association-path complaint naming the enterprise, its liaison sees neither the complaint nor its photos', async () => {
    const enterprise = await findEnterpriseByName(t.ctx.db, DEMO_ENTERPRISE.name)
    const complaintId = await insertComplaint(t, consumerId, enterprise!.id)
    await t.ctx.db.updateTable('complaints').set({ path: 'association' }).where('id', '=', complaintId).execute()
    const uploaded = await uploadPhoto(t, tokens.consumer, await makeJpeg(80, 50))
    const id = uploaded.json().id
    await attachEvidence(t.ctx.db, { ids: [id], ownerId: consumerId, complaintId, eventId: null, now: t.ctx.now().toISOString() })
    const complaint = (who: keyof typeof tokens) => t.app.inject({ url: `/api/complaints/${complaintId}`, headers: bearer(tokens[who]) })
    assert.equal((await complaint('enterprise')).statusCode, 404)
    assert.equal((await view('enterprise', id)).statusCode, 404)
    assert.deepEqual((await view('enterprise', id)).json(), (await view('enterprise', randomUUID())).json())
    for (const who of ['consumer', 'staff'] as const) {
      assert.equal((await complaint(who)).statusCode, 200, who)
      assert.equal((await view(who, id)).statusCode, 200, who)
    }
  })

  test('only staff get the original; everyone else gets 404', async () => {
    const response = await original('staff')
    assert.equal(response.statusCode, 200)
    assert.equal((await fetchSigned(t, response.json().url)).status, 200)
    for (const who of ['consumer', 'enterprise', 'volunteer', 'otherConsumer'] as const) {
      assert.equal((await original(who)).statusCode, 404, who)
    }
  })
})
