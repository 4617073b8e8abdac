import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { cleanUpUnattachedEvidence } from '../jobs/evidence-cleanup'
import { addWorkingDays } from '../modules/workflow/working-days'
import { storedFiles } from './support/photos'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { countOf, fileReport, makeStaff, makeVolunteer, notificationsOf, staffPost, type Person } from './support/volunteers'

describe(`staff review volunteers' field reports (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let volunteer: Person
  before(async () => {
    t = await createTestApp()
    staff = await makeStaff(t, '13900008301')
    volunteer = await makeVolunteer(t, '13900008302', staff)
  })
  after(() => t.close())

  const action = (id: string, name: string, payload?: object) => staffPost(t, staff, `/api/staff/field-reports/${id}/${name}`, payload)
  const readAsVolunteer = (id: string) => t.app.inject({ method: 'GET', url: `/api/field-reports/${id}`, headers: bearer(volunteer.token) })
  const reportNotes = async () => (await notificationsOf(t, volunteer.id)).filter((n) => n.type === 'field_report_status')

  test('only staff may act', async () => {
    const report = await fileReport(t, volunteer)
    const byVolunteer = await t.app.inject({ method: 'POST', url: `/api/staff/field-reports/${report.id}/verify`, headers: bearer(volunteer.token), payload: {} })
    assert.equal(byVolunteer.statusCode, 403)
    assert.equal((await action('no-such-report', 'verify', {})).statusCode, 404)
  })

  test('verify, with or without a note: the volunteer sees 已核实 and is told', async () => {
    const report = await fileReport(t, volunteer)
    const noBody = await t.app.inject({ method: 'POST', url: `/api/staff/field-reports/${report.id}/verify`, headers: bearer(staff.token) })
    assert.equal(noBody.statusCode, 200, noBody.body)
    assert.equal(noBody.json().status, 'verified')
    const seen = await readAsVolunteer(report.id)
    assert.equal(seen.json().status, 'verified')
    const notes = await reportNotes()
    assert.equal(notes.length, 1)
    assert.match(notes[0]!.title, /已核实/)
    assert.match(notes[0]!.link ?? '', new RegExp(report.id))
    const twice = await action(report.id, 'verify', { note: '再次核实' })
    assert.equal(twice.statusCode, 409)
    assert.equal(twice.json().code, 'FIELD_REPORT_ALREADY_DECIDED')
  })

  test('dismiss needs a reason, which the volunteer reads; a dismissed report cannot be converted', async () => {
    const report = await fileReport(t, volunteer)
    assert.equal((await action(report.id, 'dismiss', {})).statusCode, 400)
    assert.equal((await action(report.id, 'dismiss', { note: ' ' })).statusCode, 400)
    const dismissed = await action(report.id, 'dismiss', { note: '照片看不清商品日期' })
    assert.equal(dismissed.statusCode, 200)
    assert.equal(dismissed.json().status, 'dismissed')
    assert.equal(dismissed.json().reviewNote, '照片看不清商品日期')
    assert.match((await reportNotes()).at(-1)!.body, /照片看不清商品日期/)
    const convert = await action(report.id, 'convert-complaint', {})
    assert.equal(convert.statusCode, 409)
    assert.equal(await countOf(t, 'complaints'), 0)
  })

  test('convert into a complaint: association path, awaiting review with its working-day deadline, facts and photos carried over', async () => {
    const report = await fileReport(t, volunteer, { notes: '=HYPERLINK("x") 3 盒酸奶已过期' })
    await action(report.id, 'verify', {})
    const now = t.ctx.now()
    const converted = await action(report.id, 'convert-complaint', { note: '请尽快核查' })
    assert.equal(converted.statusCode, 200, converted.body)
    const complaintId = converted.json().complaintId
    const complaint = await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', complaintId).executeTakeFirstOrThrow()
    assert.equal(complaint.status, 'awaiting_review')
    assert.equal(complaint.path, 'association')
    assert.equal(complaint.due_kind, 'review')
    assert.equal(complaint.due_at, addWorkingDays(now, 7 /* review step of the rules in force */).toISOString())
    assert.equal(complaint.consumer_id, volunteer.id)
    assert.equal(complaint.contact_phone, volunteer.phone)
    const followed = await t.app.inject({ url: `/api/complaints/${complaintId}`, headers: { authorization: `Bearer ${volunteer.token}` } })
    assert.equal(followed.statusCode, 200, 'the volunteer follows the complaint made from their report')
    assert.equal(complaint.business_name, '幸福便利店')
    assert.equal(complaint.industry, 'food')
    assert.match(complaint.description, /过期变质食品/)
    assert.match(complaint.description, /3 盒酸奶已过期/)
    assert.match(complaint.description, /请尽快核查/)
    // The coordinates stay out of the complaint text.
    assert.doesNotMatch(complaint.description, /42\.24|116\.00/)

    // Staff see it in the detail with the photos; the files are the report's files.
    const detail = await t.app.inject({ method: 'GET', url: `/api/complaints/${complaintId}`, headers: bearer(staff.token) })
    assert.equal(detail.statusCode, 200, detail.body)
    assert.equal(detail.json().evidence.length, 1)
    const original = await t.ctx.db
      .selectFrom('field_report_photos')
      .innerJoin('evidence', 'evidence.id', 'field_report_photos.evidence_id')
      .select(['evidence.id', 'evidence.sha256', 'evidence.complaint_id'])
      .where('report_id', '=', report.id)
      .executeTakeFirstOrThrow()
    assert.equal(original.complaint_id, null)
    assert.equal(detail.json().evidence[0].sha256, original.sha256)
    assert.notEqual(detail.json().evidence[0].id, original.id)

    const seen = await readAsVolunteer(report.id)
    assert.equal(seen.json().status, 'converted_complaint')
    assert.equal(seen.json().complaintId, complaintId)
    assert.match((await reportNotes()).at(-1)!.title, /已转为投诉/)
    const again = await action(report.id, 'convert-complaint', {})
    assert.equal(again.statusCode, 409)
    assert.equal(await countOf(t, 'complaints'), 1)
  })

  test('two staff converting at once make one complaint', async () => {
    const report = await fileReport(t, volunteer)
    const before = await countOf(t, 'complaints')
    const answers = await Promise.all([action(report.id, 'convert-complaint', {}), action(report.id, 'convert-complaint', {}), action(report.id, 'convert-warning', {})])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409, 409], answers.map((a) => a.body).join('\n'))
    const madeComplaints = (await countOf(t, 'complaints')) - before
    const report2 = (await readAsVolunteer(report.id)).json()
    assert.equal(madeComplaints, report2.status === 'converted_complaint' ? 1 : 0)
  })

  test('the shared photo files outlive the cleanup job for both the report and the complaint', async () => {
    const rows = await t.ctx.db.selectFrom('evidence').select(['display_key', 'complaint_id']).execute()
    t.advance(30 * 3600_000)
    const result = await cleanUpUnattachedEvidence(t.ctx)
    t.advance(-30 * 3600_000)
    assert.equal(result.rows, 0)
    const files = storedFiles(t)
    for (const row of rows) assert.ok(files.includes(row.display_key))
  })

  test('convert into a warning draft: staff-only, without the volunteer or the coordinates', async () => {
    const report = await fileReport(t, volunteer, { category: 'prepaid', businessName: '美丽人生美容院', notes: '店门口贴着<b>转让</b>仍在推销储值卡' })
    const converted = await action(report.id, 'convert-warning', {})
    assert.equal(converted.statusCode, 200, converted.body)
    const warning = await t.ctx.db.selectFrom('warnings').selectAll().where('id', '=', converted.json().warningId).executeTakeFirstOrThrow()
    assert.equal(warning.status, 'draft')
    assert.equal(warning.source_report_id, report.id)
    assert.equal(warning.industry, 'prepaid')
    assert.deepEqual(JSON.parse(warning.regions), ['内蒙古/锡林郭勒盟/正蓝旗'])
    const text = `${warning.title} ${warning.summary} ${warning.body_html}`
    assert.match(text, /美丽人生美容院/)
    assert.match(warning.body_html, /&lt;b&gt;转让&lt;\/b&gt;/)
    for (const secret of ['42.24', '116.00', '王建国', volunteer.phone]) assert.ok(!text.includes(secret), secret)
    const seen = await readAsVolunteer(report.id)
    assert.equal(seen.json().status, 'converted_warning')
    assert.equal(seen.json().warningId, warning.id)
    assert.match((await reportNotes()).at(-1)!.title, /已转为警示/)
  })
})
