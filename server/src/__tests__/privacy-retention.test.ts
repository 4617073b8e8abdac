import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { ConfigError, loadConfig } from '../config'
import { enforceRetention } from '../jobs/retention'
import { insertEvidenceRows } from './support/evidence-rows'
import { storedFiles } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { fileReport, makeStaff, makeVolunteer, signIn, staffPost } from './support/volunteers'
import { createCast, fileOdrComplaint, readComplaint, type Cast } from './support/workflow'

const DAY = 86400_000
const NOTHING = { sms_codes: 0, sessions: 0, access_records: 0, closed_complaints: 0, field_report_coordinates: 0, data_exports: 0, walk_in_filings: 0, qa_questions: 0, photoFiles: 0 }

describe(`the retention schedule runs by itself (${TEST_DB})`, () => {
  let t: TestApp
  // A fresh app per test: each one moves the clock on by days or years.
  beforeEach(async () => {
    t = await createTestApp()
  })
  afterEach(() => t.close())

  const count = async (table: 'sms_codes' | 'sessions' | 'access_records') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n)

  test('SMS codes (with the IP) go after 7 days, sessions 30 days after they expire; a second run changes nothing', async () => {
    await loginByPhone(t, '13700000001')
    assert.equal(await count('sms_codes'), 1)
    assert.equal(await count('sessions'), 1)

    t.advance(6 * DAY)
    assert.deepEqual(await enforceRetention(t.ctx), NOTHING)
    assert.equal(await count('sms_codes'), 1)

    t.advance(2 * DAY)
    assert.deepEqual(await enforceRetention(t.ctx), { ...NOTHING, sms_codes: 1 })
    assert.equal(await count('sms_codes'), 0)
    assert.equal(await count('sessions'), 1, 'the session is still valid')

    // The refresh token lives 30 days; the row stays 30 more days to recognise a stolen old token.
    t.advance(51 * DAY)
    assert.deepEqual(await enforceRetention(t.ctx), NOTHING)
    t.advance(2 * DAY)
    assert.deepEqual(await enforceRetention(t.ctx), { ...NOTHING, sessions: 1 })
    assert.equal(await count('sessions'), 0)
    assert.deepEqual(await enforceRetention(t.ctx), NOTHING)
  })

  test('a configured period replaces the default', async () => {
    const short = await createTestApp({ RETENTION_SMS_CODES_DAYS: '2' })
    try {
      await loginByPhone(short, '13700000002')
      short.advance(2 * DAY + 60_000)
      assert.equal((await enforceRetention(short.ctx)).sms_codes, 1)
    } finally {
      await short.close()
    }
  })

  describe('closed complaints after 3 years', () => {
    let cast: Cast
    beforeEach(async () => {
      cast = await createCast(t, '71')
    })

    test('lose the phone, the words and the photos; the anonymous row stays for statistics; open ones are untouched', async () => {
      const photos = await insertEvidenceRows(t, cast.consumer.id, 2)
      const closed = await fileOdrComplaint(t, cast, { evidenceIds: photos })
      const open = await fileOdrComplaint(t, cast)
      const withdrawn = await t.app.inject({ method: 'POST', url: `/api/complaints/${closed.id}/withdraw`, headers: bearer(cast.consumer.token), payload: { reason: '已和老板私下联系，电话 13812345678' } })
      assert.equal(withdrawn.statusCode, 200, withdrawn.body)
      const filesBefore = storedFiles(t).length

      t.setNow(new Date(Date.parse(withdrawn.json().updatedAt) + 3 * 365 * DAY - DAY).toISOString())
      assert.equal((await enforceRetention(t.ctx)).closed_complaints, 0)

      t.advance(3 * DAY)
      const result = await enforceRetention(t.ctx)
      assert.equal(result.closed_complaints, 1)
      assert.equal(result.photoFiles, 6, 'original, display and thumbnail of both photos')
      assert.equal(storedFiles(t).length, filesBefore - 6)

      const row = await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', closed.id).executeTakeFirstOrThrow()
      assert.equal(row.contact_phone, '')
      assert.equal(row.description, '')
      assert.equal(row.status, 'withdrawn')
      assert.equal(row.industry, 'prepaid')
      assert.equal(Number(row.amount_fen), 399_900)
      assert.ok(row.anonymized_at)
      const notes = await t.ctx.db.selectFrom('complaint_events').select('note').where('complaint_id', '=', closed.id).execute()
      assert.ok(notes.every((event) => event.note === null), 'the withdrawal reason held a phone number')
      const evidence = await t.ctx.db.selectFrom('evidence').select('id').where('complaint_id', '=', closed.id).execute()
      assert.deepEqual(evidence, [])

      // Staff still open it (for the statistics it feeds) without personal details; the open one keeps everything.
      const staff = await signIn(t, '13971000004')
      const asStaff = (await readComplaint(t, staff.token, closed.id)).json()
      assert.equal(asStaff.contactPhone, '')
      assert.deepEqual(asStaff.evidence, [])
      const stillOpen = await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', open.id).executeTakeFirstOrThrow()
      assert.equal(stillOpen.contact_phone, '13800000001')
      assert.equal(stillOpen.anonymized_at, null)

      assert.deepEqual(await enforceRetention(t.ctx), NOTHING, 'a second run changes nothing')
    })

    test('two instances running at once anonymize each complaint once', async () => {
      for (let i = 0; i < 3; i++) {
        const filed = await fileOdrComplaint(t, cast, { evidenceIds: await insertEvidenceRows(t, cast.consumer.id, 1) })
        const withdrawn = await t.app.inject({ method: 'POST', url: `/api/complaints/${filed.id}/withdraw`, headers: bearer(cast.consumer.token), payload: {} })
        assert.equal(withdrawn.statusCode, 200, withdrawn.body)
      }
      t.advance(3 * 366 * DAY)
      const [first, second] = await Promise.all([enforceRetention(t.ctx), enforceRetention(t.ctx)])
      assert.equal(first.closed_complaints + second.closed_complaints, 3)
      assert.equal(first.photoFiles + second.photoFiles, 9)
    })
  })

  test('field-report coordinates are cleared 30 days after review; the report stays, unreviewed ones keep theirs', async () => {
    const staff = await makeStaff(t, '13700000010')
    const volunteer = await makeVolunteer(t, '13700000011', staff)
    const reviewed = await fileReport(t, volunteer)
    const waiting = await fileReport(t, volunteer)
    assert.equal((await staffPost(t, staff, `/api/staff/field-reports/${reviewed.id}/verify`)).statusCode, 200)

    t.advance(29 * DAY)
    assert.equal((await enforceRetention(t.ctx)).field_report_coordinates, 0)
    t.advance(2 * DAY)
    assert.equal((await enforceRetention(t.ctx)).field_report_coordinates, 1)

    const position = async (id: string) => ({
      report: await t.ctx.db.selectFrom('field_reports').select(['latitude', 'longitude', 'accuracy']).where('id', '=', id).executeTakeFirstOrThrow(),
      photos: await t.ctx.db.selectFrom('field_report_photos').select(['latitude', 'longitude', 'accuracy']).where('report_id', '=', id).execute(),
    })
    assert.deepEqual(await position(reviewed.id), { report: { latitude: null, longitude: null, accuracy: null }, photos: [{ latitude: null, longitude: null, accuracy: null }] })
    assert.equal((await position(waiting.id)).report.latitude, 42.241739)
    const read = await t.app.inject({ method: 'GET', url: `/api/field-reports/${reviewed.id}`, headers: bearer((await signIn(t, staff.phone)).token) })
    assert.equal(read.statusCode, 200, read.body)
    assert.equal(read.json().businessName, '幸福便利店')
    assert.equal((await enforceRetention(t.ctx)).field_report_coordinates, 0)
  })

  test('access records are kept 3 years', async () => {
    const cast = await createCast(t, '72')
    const filed = await fileOdrComplaint(t, cast)
    assert.equal((await readComplaint(t, cast.staff.token, filed.id)).statusCode, 200)
    assert.equal(await count('access_records'), 1)
    t.advance(3 * 365 * DAY - DAY)
    assert.equal((await enforceRetention(t.ctx)).access_records, 0)
    t.advance(3 * DAY)
    assert.equal((await enforceRetention(t.ctx)).access_records, 1)
    assert.equal(await count('access_records'), 0)
  })
})

test('a retention period below its floor, or not a whole number, is refused at start-up', () => {
  const base = { TOKEN_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/weiquan-test' }
  assert.throws(() => loadConfig({ ...base, RETENTION_SMS_CODES_DAYS: '1' }), (error) => error instanceof ConfigError && error.message.includes('RETENTION_SMS_CODES_DAYS'))
  assert.throws(() => loadConfig({ ...base, RETENTION_CLOSED_COMPLAINTS_YEARS: '2.5' }), ConfigError)
  assert.equal(loadConfig({ ...base, RETENTION_CLOSED_COMPLAINTS_YEARS: '5' }).retention.closed_complaints, 5)
})
