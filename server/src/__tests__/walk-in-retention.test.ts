import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { completeDueAccountDeletions } from '../jobs/account-deletion'
import { enforceRetention } from '../jobs/retention'
import { pseudonymFor } from '../modules/privacy/account-erasure'
import { DEFAULT_ORGANIZATION_ID } from '../modules/organizations/organizations.repository'
import { makeJpeg, storedFiles, uploadPhoto } from './support/photos'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { signIn, type Person } from './support/volunteers'
import { addTestStation, consentedWalkIn, makeOperator, startWalkIn, submitWalkIn, walkInComplaint } from './support/walk-ins'

const HOUR = 3600_000
const DAY = 24 * HOUR

describe(`walk-in filings that never became a complaint do not stay (${TEST_DB})`, () => {
  let t: TestApp
  let operator: Person
  let serial = 0
  const nextPhone = () => `1372100${String(++serial).padStart(4, '0')}`

  before(async () => {
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(60 * 86400), SMS_PHONE_PER_MINUTE: '100', SMS_PHONE_PER_DAY: '1000', SMS_IP_PER_MINUTE: '1000', SMS_IP_PER_DAY: '100000' })
    const station = await addTestStation(t, DEFAULT_ORGANIZATION_ID)
    operator = await makeOperator(t, '13721999001', station, DEFAULT_ORGANIZATION_ID)
  })
  after(() => t.close())

  /** A photo the operator takes at the counter for this filing: uploaded, then registered with it. */
  async function counterPhoto(filingId: string, width: number) {
    const uploaded = await uploadPhoto(t, operator.token, await makeJpeg(width, 240))
    assert.equal(uploaded.statusCode, 201, uploaded.body)
    const evidenceId = uploaded.json().id as string
    const linked = await t.app.inject({ method: 'POST', url: `/api/station/walk-ins/${filingId}/photos`, headers: bearer(operator.token), payload: { evidenceId } })
    assert.equal(linked.statusCode, 200, linked.body)
    const row = await t.ctx.db.selectFrom('evidence').select(['original_key', 'display_key', 'thumbnail_key']).where('id', '=', evidenceId).executeTakeFirstOrThrow()
    return { evidenceId, files: [row.original_key, row.display_key, row.thumbnail_key] }
  }
  const filing = (id: string) => t.ctx.db.selectFrom('walk_in_filings').selectAll().where('id', '=', id).executeTakeFirst()
  const evidence = (id: string) => t.ctx.db.selectFrom('evidence').select('id').where('id', '=', id).executeTakeFirst()
  const stored = (key: string) => storedFiles(t).some((file) => file.endsWith(key.split('/').at(-1)!))

  test('after 7 days the retention job deletes unconfirmed and unsubmitted filings with their counter photos; a filed one stays', async () => {
    const unconfirmed = (await startWalkIn(t, operator, nextPhone(), '李阿婆')).json().id as string
    const unsubmitted = await consentedWalkIn(t, operator, nextPhone())
    const abandonedPhoto = await counterPhoto(unsubmitted, 330)
    const filedPhone = nextPhone()
    const filed = await consentedWalkIn(t, operator, filedPhone)
    const keptPhoto = await counterPhoto(filed, 340)
    const submitted = await submitWalkIn(t, operator, filed, walkInComplaint(t, filedPhone, { evidenceIds: [keptPhoto.evidenceId] }))
    assert.equal(submitted.statusCode, 201, submitted.body)
    assert.ok(abandonedPhoto.files.every(stored), 'the counter photo is on disk before')

    t.advance(6 * DAY)
    assert.equal((await enforceRetention(t.ctx)).walk_in_filings, 0, 'not yet: 7 days')
    assert.ok(await filing(unconfirmed))

    t.advance(DAY + HOUR)
    const result = await enforceRetention(t.ctx)
    assert.equal(result.walk_in_filings, 2)
    assert.equal(await filing(unconfirmed), undefined, 'the phone and name of the person who never confirmed are gone')
    assert.equal(await filing(unsubmitted), undefined)
    assert.equal(await evidence(abandonedPhoto.evidenceId), undefined, 'the photo row is gone')
    assert.ok(!abandonedPhoto.files.some(stored), 'and its files')
    assert.equal(await t.ctx.db.selectFrom('walk_in_photos').select('evidence_id').where('filing_id', '=', unsubmitted).executeTakeFirst(), undefined)

    const kept = await filing(filed)
    assert.equal(kept?.phone, filedPhone, 'a filing that became a complaint is untouched')
    assert.ok(await evidence(keptPhoto.evidenceId), "the complaint's photo stays")
    assert.ok(keptPhoto.files.every(stored))

    assert.equal((await enforceRetention(t.ctx)).walk_in_filings, 0, 'a second run changes nothing')
  })

  test('a counter photo is registered only for a confirmed, unsubmitted filing of the station, and only the operator’s own upload', async () => {
    const phone = nextPhone()
    const unconfirmed = (await startWalkIn(t, operator, phone)).json().id as string
    const photo = (await uploadPhoto(t, operator.token, await makeJpeg(350, 240))).json().id as string
    const post = (id: string, evidenceId: string) => t.app.inject({ method: 'POST', url: `/api/station/walk-ins/${id}/photos`, headers: bearer(operator.token), payload: { evidenceId } })
    assert.equal((await post(unconfirmed, photo)).json().code, 'WALK_IN_CONSENT_REQUIRED')
    const consented = await consentedWalkIn(t, operator, nextPhone())
    const someoneElse = await signIn(t, nextPhone())
    const theirs = (await uploadPhoto(t, someoneElse.token, await makeJpeg(360, 240))).json().id as string
    const refused = await post(consented, theirs)
    assert.equal(refused.statusCode, 422)
    assert.equal(refused.json().code, 'EVIDENCE_INVALID')
    assert.equal((await post(consented, photo)).json().photoCount, 1)
    assert.equal((await post(consented, photo)).json().photoCount, 1, 'registering twice is one photo')
    assert.equal((await post('no-such-filing', photo)).statusCode, 404)
  })

  test("deleting the person's account removes the unfinished filings naming their phone and their photos; a filed one keeps only the pseudonym", async () => {
    const phone = nextPhone()
    const filed = await consentedWalkIn(t, operator, phone)
    assert.equal((await submitWalkIn(t, operator, filed, walkInComplaint(t, phone))).statusCode, 201)
    const unconfirmed = (await startWalkIn(t, operator, phone, '赵大爷')).json().id as string
    const unsubmitted = await consentedWalkIn(t, operator, phone)
    const photo = await counterPhoto(unsubmitted, 370)
    const otherPersons = (await startWalkIn(t, operator, nextPhone(), '钱阿姨')).json().id as string

    const person = await signIn(t, phone)
    const sent = await t.app.inject({ method: 'POST', url: '/api/account/deletion/sms-code', headers: bearer(person.token) })
    assert.equal(sent.statusCode, 200, sent.body)
    const code = t.sms.filter((sms) => sms.phone === phone).at(-1)!.code
    const requested = await t.app.inject({ method: 'POST', url: '/api/account/deletion', headers: bearer(person.token), payload: { code } })
    assert.equal(requested.statusCode, 200, requested.body)
    t.advance(8 * DAY)
    // Only this deletion: the retention job is not run here, so what goes is the deletion's doing.
    assert.equal((await completeDueAccountDeletions(t.ctx, { sendNotification: async () => {} })).completed, 1)

    assert.equal(await filing(unconfirmed), undefined)
    assert.equal(await filing(unsubmitted), undefined)
    assert.equal(await evidence(photo.evidenceId), undefined)
    assert.ok(!photo.files.some(stored), 'the counter photo files are gone')
    const record = await filing(filed)
    assert.deepEqual({ phone: record?.phone, name: record?.person_name }, { phone: '', name: pseudonymFor(person.id) })
    assert.ok(await filing(otherPersons), "another person's filing stays")
  })
})
