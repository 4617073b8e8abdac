import { randomUUID } from 'node:crypto'
import { DESCRIPTION_MAX } from '../../../../src/contract/complaint-rules'
import { ComplaintStatus, HandlingPath } from '../../../../src/contract/complaint-status'
import { FIELD_REPORT_CATEGORY_INDUSTRY, FIELD_REPORT_CATEGORY_LABELS } from '../../../../src/contract/field-report-rules'
import type { Db } from '../../db/database'
import type { AuthUser } from '../auth/auth.service'
import { insertComplaintEvent } from '../complaints/complaint-events.repository'
import { nextComplaintNumber } from '../complaints/complaint-number'
import { insertComplaint } from '../complaints/complaints.repository'
import { requestHash } from '../complaints/request-hash'
import { chinaDateTime } from '../../china-time'
import { createWarningDraft } from '../warnings/warning-drafts'
import { chinaDate } from '../workflow/working-days'
import { stepDeadline, type CaseRules } from '../rules/rule-sets.service'
import { DEFAULT_ORGANIZATION_ID } from '../organizations/organizations.repository'
import { volunteerIdentities } from '../volunteers/volunteers.repository'
import type { FieldReportRow } from './field-reports.repository'

/** 2026-11-24T02:05:00Z → 2026-11-24 10:05（北京时间） */
function chinaTime(iso: string): string {
  return `${chinaDateTime(iso)}（北京时间）`
}

/** Where the business is, in words: never the volunteer's coordinates. */
const placeOf = (report: FieldReportRow) => report.business_address ?? report.manual_address

/**
 * The complaint's description: the report's facts in plain words. Coordinates stay out (the
 * enterprise may read a complaint), and so does anything naming the volunteer beyond the case itself.
 */
export function complaintDescription(report: FieldReportRow, staffNote: string | null): string {
  const lines = [
    `【志愿者走访发现，消协转为投诉】`,
    `问题类别：${FIELD_REPORT_CATEGORY_LABELS[report.category]}`,
    `发现时间：${chinaTime(report.observed_at)}`,
    `商家：${report.business_name}${placeOf(report) ? `，地址：${placeOf(report)}` : ''}${report.region ? `（${report.region}）` : ''}`,
    ...(report.notes ? [`走访情况：${report.notes}`] : []),
    ...(staffNote ? [`工作人员备注：${staffNote}`] : []),
  ]
  const text = lines.join('\n')
  return text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1)}…` : text
}

/**
 * Files the complaint inside the caller's transaction: association path, awaiting review, with the
 * review deadline in working days as for any association complaint. The volunteer is the
 * complainant (they saw it and can be asked about it) with the phone they applied with as contact.
 * The photos become evidence rows of the complaint pointing at the same content-hash files, so the
 * cleanup job, which deletes files only when no row refers to them, keeps them for both. The case is
 * held by the report's organization, so whoever converted it goes on working it.
 */
export async function complaintFromReport(trx: Db, args: { report: FieldReportRow; staff: AuthUser; note: string | null; now: Date; rules: CaseRules }): Promise<string> {
  const { report, staff, now } = args
  const at = now.toISOString()
  const identity = (await volunteerIdentities(trx, [report.volunteer_id])).get(report.volunteer_id)
  const user = await trx.selectFrom('users').select('phone').where('id', '=', report.volunteer_id).executeTakeFirstOrThrow()
  const complaint = await insertComplaint(trx, {
    id: randomUUID(),
    number: await nextComplaintNumber(trx, now),
    consumer_id: report.volunteer_id,
    status: ComplaintStatus.AwaitingReview,
    path: HandlingPath.Association,
    enterprise_id: null,
    business_name: report.business_name,
    business_address: placeOf(report),
    business_region: report.region,
    business_credit_code: null,
    industry: FIELD_REPORT_CATEGORY_INDUSTRY[report.category],
    incident_date: chinaDate(new Date(report.observed_at)),
    amount_fen: 0,
    demands: JSON.stringify(['other']),
    demand_detail: '请消协核查并督促商家整改',
    description: complaintDescription(report, args.note),
    contact_phone: identity?.phone || user.phone || '',
    consent_at: at,
    // Not a UUID, so no app request can ever collide with it; unique per consumer, so a report converts once.
    idempotency_key: `field-report:${report.id}`,
    request_hash: requestHash({ fieldReportId: report.id }),
    created_at: at,
    updated_at: at,
    closed_at: null,
    ...stepDeadline(args.rules, 'review', now),
    rule_set_id: args.rules.row.id,
    organization_id: report.organization_id ?? DEFAULT_ORGANIZATION_ID,
    organization_path: report.organization_path ?? `/${DEFAULT_ORGANIZATION_ID}/`,
  })
  const eventId = randomUUID()
  await insertComplaintEvent(trx, {
    id: eventId,
    complaint_id: complaint.id,
    type: 'submitted',
    actor_id: staff.id,
    actor_role: 'staff',
    note: '由志愿者走访报告转为投诉',
    from_status: null,
    to_status: ComplaintStatus.AwaitingReview,
    created_at: at,
  })
  const photos = await trx
    .selectFrom('field_report_photos')
    .innerJoin('evidence', 'evidence.id', 'field_report_photos.evidence_id')
    .selectAll('evidence')
    .where('field_report_photos.report_id', '=', report.id)
    .orderBy('field_report_photos.position')
    .execute()
  for (const [position, photo] of photos.entries()) {
    await trx
      .insertInto('evidence')
      .values({ ...photo, id: randomUUID(), complaint_id: complaint.id, event_id: eventId, created_at: at, attached_at: at, position })
      .execute()
  }
  return complaint.id
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * A staff-only draft the association edits before publishing. It names the business and what was
 * seen, never the volunteer or the coordinates: a published warning is public.
 */
export async function warningDraftFromReport(trx: Db, args: { report: FieldReportRow; staff: AuthUser; now: Date }): Promise<string> {
  const { report } = args
  const category = FIELD_REPORT_CATEGORY_LABELS[report.category]
  const place = placeOf(report)
  const paragraphs = [
    `消费维权志愿者于 ${chinaTime(report.observed_at).slice(0, 10)} 走访发现：${report.business_name}${place ? `（${place}）` : ''}存在“${category}”问题。`,
    ...(report.notes ? [`走访情况：${report.notes}`] : []),
    '提醒广大消费者注意甄别，保留购物凭证，发现问题可拨打 12315 或通过维权通投诉。',
  ]
  const { id } = await createWarningDraft(trx, {
    title: `消费警示：${category}`,
    summary: `${report.business_name}被发现存在“${category}”问题，请消费者注意。`,
    bodyHtml: paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join(''),
    industry: FIELD_REPORT_CATEGORY_INDUSTRY[report.category],
    regions: report.region ? [report.region] : [],
    issuer: '消费者协会',
    createdBy: args.staff.id,
    sourceReportId: report.id,
    now: args.now,
  })
  return id
}
