import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { cleanUpUnattachedEvidence } from '../jobs/evidence-cleanup'
import { postComplaint, validComplaint } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { makeJpeg, storedFiles, uploadPhoto } from './support/photos'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { countOf, makeStaff, makeVolunteer, postReport, validReport, type Person } from './support/volunteers'

describe(`a volunteer files a field report (${TEST_DB})`, () => {
  let t: TestApp
  let volunteer: Person
  let other: Person
  before(async () => {
    t = await createTestApp()
    const staff = await makeStaff(t, '13900008101')
    volunteer = await makeVolunteer(t, '13900008102', staff)
    other = await makeVolunteer(t, '13900008103', staff, '李桂兰')
  })
  after(() => t.close())

  test('a report with a photo uploaded through the evidence pipeline is filed with its place, time and photo details', async () => {
    const upload = await uploadPhoto(t, volunteer.token, await makeJpeg())
    assert.equal(upload.statusCode, 201, upload.body)
    const body = await validReport(t, volunteer, {}, 0)
    body.photos = [{ evidenceId: upload.json().id, capturedAt: '2026-01-05T02:00:00.000Z', latitude: 42.2417, longitude: 116.0033, accuracy: 12.5 }]
    const response = await postReport(t, volunteer, body)
    assert.equal(response.statusCode, 201, response.body)
    const report = response.json()
    assert.equal(report.status, 'pending')
    assert.equal(report.businessName, '幸福便利店')
    assert.deepEqual(report.location, { latitude: 42.241739, longitude: 116.003311, accuracy: 18 })
    assert.equal(report.photos.length, 1)
    assert.equal(report.photos[0].capturedAt, '2026-01-05T02:00:00.000Z')
    assert.equal(report.photos[0].accuracy, 12.5)
    assert.ok(report.photos[0].thumbnailUrl && report.photos[0].displayUrl)
    const again = await t.app.inject({ method: 'GET', url: `/api/field-reports/${report.id}`, headers: bearer(volunteer.token) })
    assert.deepEqual({ ...(again.json() as object), photos: null }, { ...report, photos: null })
  })

  test('without a fix, a manual address is enough', async () => {
    const response = await postReport(t, volunteer, await validReport(t, volunteer, { location: null, manualAddress: '镇东头第二家小卖部' }))
    assert.equal(response.statusCode, 201, response.body)
    assert.equal(response.json().location, null)
    assert.equal(response.json().manualAddress, '镇东头第二家小卖部')
  })

  test('notes without photos, or photos without notes, are both fine', async () => {
    assert.equal((await postReport(t, volunteer, await validReport(t, volunteer, { photos: [] }))).statusCode, 201)
    assert.equal((await postReport(t, volunteer, await validReport(t, volunteer, { notes: undefined }))).statusCode, 201)
  })

  test('a retry after a lost answer gets the same report with 200', async () => {
    const body = await validReport(t, volunteer, {}, 2)
    const first = await postReport(t, volunteer, body)
    assert.equal(first.statusCode, 201)
    const before = await countOf(t, 'field_reports')
    const retry = await postReport(t, volunteer, body)
    assert.equal(retry.statusCode, 200, retry.body)
    assert.equal(retry.json().id, first.json().id)
    assert.equal(retry.json().photos.length, 2)
    // Blanks around text and another spelling of the same instant are the same content.
    const respelled = { ...body, businessName: ` ${body.businessName} `, observedAt: body.observedAt.replace('Z', '+00:00'), clientId: body.clientId.toUpperCase() }
    const third = await postReport(t, volunteer, respelled)
    assert.equal(third.statusCode, 200, third.body)
    assert.equal(await countOf(t, 'field_reports'), before)
  })

  test('the same client id with different content is refused with 409', async () => {
    const body = await validReport(t, volunteer)
    assert.equal((await postReport(t, volunteer, body)).statusCode, 201)
    const changed = await postReport(t, volunteer, { ...body, notes: '其实是另一家店' })
    assert.equal(changed.statusCode, 409)
    assert.equal(changed.json().code, 'FIELD_REPORT_CLIENT_ID_REUSED')
    assert.match(changed.json().message, /不一致/)
  })

  test('another volunteer may use the same client id: ids are per volunteer', async () => {
    const mine = await validReport(t, volunteer)
    assert.equal((await postReport(t, volunteer, mine)).statusCode, 201)
    const theirs = await validReport(t, other, { clientId: mine.clientId })
    assert.equal((await postReport(t, other, theirs)).statusCode, 201)
  })

  test('concurrent duplicate posts make one report and every answer carries its id', async () => {
    const before = await countOf(t, 'field_reports')
    const photosBefore = await countOf(t, 'field_report_photos')
    const body = await validReport(t, volunteer, {}, 3)
    const answers = await Promise.all([postReport(t, volunteer, body), postReport(t, volunteer, body), postReport(t, volunteer, body)])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 201], answers.map((a) => a.body).join('\n'))
    assert.equal(new Set(answers.map((a) => a.json().id)).size, 1)
    assert.equal(await countOf(t, 'field_reports'), before + 1)
    assert.equal(await countOf(t, 'field_report_photos'), photosBefore + 3)
  })

  test('photo details are kept in the order the volunteer arranged them', async () => {
    const body = await validReport(t, volunteer, {}, 4)
    const order = [...body.photos].reverse()
    const response = await postReport(t, volunteer, { ...body, photos: order })
    assert.deepEqual(
      response.json().photos.map((p: { evidenceId: string }) => p.evidenceId),
      order.map((p) => p.evidenceId),
    )
  })

  test('report photos survive the 24-hour cleanup of unattached uploads', async () => {
    const body = await validReport(t, volunteer, {}, 2)
    const filed = await postReport(t, volunteer, body)
    const stray = await insertEvidenceRows(t, volunteer.id, 1)
    t.advance(25 * 3600_000)
    await cleanUpUnattachedEvidence(t.ctx)
    const rows = await t.ctx.db.selectFrom('evidence').select('id').where('id', 'in', [...body.photos.map((p) => p.evidenceId), ...stray]).execute()
    assert.deepEqual(rows.map((r) => r.id).sort(), body.photos.map((p) => p.evidenceId).sort())
    const keys = await t.ctx.db.selectFrom('evidence').select('display_key').where('id', 'in', body.photos.map((p) => p.evidenceId)).execute()
    const files = storedFiles(t)
    for (const { display_key } of keys) assert.ok(files.includes(display_key), display_key)
    const linked = await t.ctx.db.selectFrom('field_report_photos').select('evidence_id').where('report_id', '=', filed.json().id).execute()
    assert.equal(linked.length, 2)
    t.advance(-25 * 3600_000)
  })
})

describe(`bad field reports are refused and write nothing (${TEST_DB})`, () => {
  let t: TestApp
  let volunteer: Person
  let other: Person
  before(async () => {
    t = await createTestApp()
    const staff = await makeStaff(t, '13900008201')
    volunteer = await makeVolunteer(t, '13900008202', staff)
    other = await makeVolunteer(t, '13900008203', staff, '李桂兰')
  })
  after(() => t.close())

  async function refused(body: unknown, status: number, code: string) {
    const response = await postReport(t, volunteer, body)
    assert.equal(response.statusCode, status, response.body)
    assert.equal(response.json().code, code)
    assert.match(response.json().message, /[\u4e00-\u9fff]/)
    assert.equal(await countOf(t, 'field_reports'), 0)
    assert.equal(await countOf(t, 'field_report_photos'), 0)
    const claimed = await t.ctx.db.selectFrom('evidence').select('id').where('attached_at', 'is not', null).execute()
    assert.equal(claimed.length, 0)
  }

  test('coordinates out of range', async () => {
    for (const location of [
      { latitude: 90.0001, longitude: 116, accuracy: 10 },
      { latitude: -91, longitude: 116, accuracy: 10 },
      { latitude: 42, longitude: 180.5, accuracy: 10 },
      { latitude: 42, longitude: -181, accuracy: 10 },
    ]) {
      await refused(await validReport(t, volunteer, { location }), 400, 'COORDINATES_OUT_OF_RANGE')
    }
    const body = await validReport(t, volunteer)
    body.photos[0]!.latitude = 123
    await refused(body, 400, 'COORDINATES_OUT_OF_RANGE')
    const halfPoint = await validReport(t, volunteer)
    delete halfPoint.photos[0]!.longitude
    await refused(halfPoint, 400, 'COORDINATES_OUT_OF_RANGE')
    await refused({ ...(await validReport(t, volunteer)), location: { latitude: 'north', longitude: 116, accuracy: 5 } }, 400, 'VALIDATION_FAILED')
  })

  test('no photo and no notes', async () => {
    await refused(await validReport(t, volunteer, { photos: [], notes: undefined }), 400, 'FIELD_REPORT_EMPTY')
    await refused(await validReport(t, volunteer, { photos: [], notes: '  \n ' }), 400, 'FIELD_REPORT_EMPTY')
  })

  test('more than 9 photos', async () => {
    await refused(await validReport(t, volunteer, {}, 10), 400, 'TOO_MANY_PHOTOS')
  })

  test('an observed time in the future (beyond 5 minutes of clock drift)', async () => {
    const soon = new Date(t.ctx.now().getTime() + 4 * 60_000).toISOString()
    const late = new Date(t.ctx.now().getTime() + 10 * 60_000).toISOString()
    await refused(await validReport(t, volunteer, { observedAt: late }), 400, 'OBSERVED_AT_IN_FUTURE')
    await refused(await validReport(t, volunteer, { observedAt: 'yesterday' }), 400, 'VALIDATION_FAILED')
    const drift = await postReport(t, volunteer, await validReport(t, volunteer, { observedAt: soon }))
    assert.equal(drift.statusCode, 201, drift.body)
    await t.ctx.db.deleteFrom('field_report_photos').execute()
    await t.ctx.db.deleteFrom('field_reports').execute()
    await t.ctx.db.updateTable('evidence').set({ attached_at: null }).execute()
  })

  test('malformed fields', async () => {
    await refused({ ...(await validReport(t, volunteer)), clientId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED')
    await refused({ ...(await validReport(t, volunteer)), category: 'gossip' }, 400, 'VALIDATION_FAILED')
    await refused({ ...(await validReport(t, volunteer)), businessName: '   ' }, 400, 'VALIDATION_FAILED')
    await refused({ ...(await validReport(t, volunteer)), volunteerId: other.id }, 400, 'VALIDATION_FAILED')
  })

  test("someone else's photo, an unknown photo, or the same photo twice", async () => {
    const theirs = await insertEvidenceRows(t, other.id, 1)
    await refused(await validReport(t, volunteer, { photos: [{ evidenceId: theirs[0]! }] }), 422, 'EVIDENCE_INVALID')
    await refused(await validReport(t, volunteer, { photos: [{ evidenceId: randomUUID() }] }), 422, 'EVIDENCE_INVALID')
    const mine = await insertEvidenceRows(t, volunteer.id, 1)
    await refused(await validReport(t, volunteer, { photos: [{ evidenceId: mine[0]! }, { evidenceId: mine[0]! }] }), 422, 'EVIDENCE_INVALID')
  })

  test('a photo already in one report cannot go into another, nor into a complaint', async () => {
    const first = await validReport(t, volunteer)
    assert.equal((await postReport(t, volunteer, first)).statusCode, 201)
    const second = await postReport(t, volunteer, await validReport(t, volunteer, { photos: first.photos }))
    assert.equal(second.statusCode, 422)
    assert.equal(second.json().code, 'EVIDENCE_INVALID')
    assert.equal(await countOf(t, 'field_reports'), 1)
    // Revoked volunteers are consumers again: their report photos still cannot reach a complaint.
    await t.ctx.db.updateTable('users').set({ role: 'consumer' }).where('id', '=', volunteer.id).execute()
    const complaint = await postComplaint(t, volunteer.token, validComplaint(t, { evidenceIds: [first.photos[0]!.evidenceId] }))
    assert.equal(complaint.statusCode, 422, complaint.body)
    assert.equal(complaint.json().code, 'EVIDENCE_INVALID')
    await t.ctx.db.updateTable('users').set({ role: 'volunteer' }).where('id', '=', volunteer.id).execute()
  })
})
