import type { ComplaintDetail, ComplaintEvent, ComplaintSummary } from '../../../../src/contract/complaint'
import type { Demand } from '../../../../src/contract/complaint-rules'
import { isStarRating } from '../../../../src/contract/complaint-workflow'
import type { Evidence } from '../../../../src/contract/evidence'
import type { AppContext } from '../../context'
import { parseTextList, parseTextObject } from '../../json-text'
import type { EvidenceRow } from '../evidence/evidence.repository'
import { toEvidenceDto } from '../evidence/evidence.service'
import type { ComplaintEventRow } from './complaint-events.repository'
import type { ComplaintListRow, ComplaintRow } from './complaints.repository'
import { caseRulesFor, nextStepFor, readableDeadline } from './next-step'
import { rulesOfComplaint } from '../rules/rule-sets.service'
import { stepCountdown } from '../workflow/working-days'
import type { CaseRules } from '../rules/rule-sets.service'
import { givenReferral } from '../referrals/referrals.service'

/**
 * The current step's deadline and its countdown as of `now`, in the days the case's rules count
 * that step in: China working days, or calendar days (e.g. the 2026 measure's 60-day mediation).
 */
export function deadlineFields(
  row: { due_at: string | null; due_kind: ComplaintRow['due_kind']; overdue_at: string | null; clock_paused_at: string | null },
  now: Date,
  rules: CaseRules,
) {
  const dueAt = readableDeadline(row.due_at)
  const dueDayKind = row.due_kind ? rules.content.steps[row.due_kind].dayKind : 'working'
  // While a testing/appraisal pause lasts, the countdown stays where it was when the clock stopped.
  const countdown = dueAt ? stepCountdown(dueAt, row.clock_paused_at ? new Date(row.clock_paused_at) : now, dueDayKind) : null
  const overdue = row.overdue_at !== null || (countdown?.overdue ?? false)
  return {
    dueAt,
    dueKind: row.due_kind,
    dueDayKind: dueAt ? dueDayKind : null,
    overdue,
    dueDaysLeft: countdown ? countdown.left : null,
    overdueDays: countdown && overdue ? countdown.overdueBy : null,
  }
}

export function toComplaintSummary(row: ComplaintListRow): ComplaintSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    path: row.path,
    businessName: row.business_name,
    industry: row.industry,
    // PostgreSQL returns bigint and count(*) as strings.
    amountFen: Number(row.amount_fen),
    photoCount: Number(row.photo_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The complaint as its consumer sees it: every photo, and the timeline with each event's photos. */
export async function toComplaintDetail(
  ctx: AppContext,
  complaint: ComplaintRow,
  events: readonly ComplaintEventRow[],
  evidenceRows: readonly EvidenceRow[],
): Promise<ComplaintDetail> {
  const evidence = await Promise.all(evidenceRows.map((row) => toEvidenceDto(ctx, row)))
  const rules = await rulesOfComplaint(ctx, ctx.db, complaint)
  const organization = complaint.organization_id
    ? await ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', complaint.organization_id).executeTakeFirst()
    : undefined
  const byEvent = new Map<string, Evidence[]>()
  evidenceRows.forEach((row, index) => {
    if (!row.event_id) return
    byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), evidence[index]!])
  })
  return {
    id: complaint.id,
    number: complaint.number,
    status: complaint.status,
    path: complaint.path,
    business: {
      name: complaint.business_name,
      address: complaint.business_address,
      region: complaint.business_region,
      creditCode: complaint.business_credit_code,
      enterpriseId: complaint.enterprise_id,
    },
    industry: complaint.industry,
    incidentDate: complaint.incident_date,
    amountFen: Number(complaint.amount_fen),
    description: complaint.description,
    demands: parseTextList<Demand>(complaint.demands),
    demandDetail: complaint.demand_detail,
    contactPhone: complaint.contact_phone,
    organization: organization ?? null,
    evidence,
    events: events.map((event): ComplaintEvent => ({
      id: event.id,
      type: event.type,
      actorRole: event.actor_role,
      note: event.note,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      evidence: byEvent.get(event.id) ?? [],
      data: parseTextObject(event.data),
      createdAt: event.created_at,
    })),
    nextStep: nextStepFor(complaint, rules),
    rules: caseRulesFor(complaint, rules),
    referral: { given: givenReferral(events), options: [] },
    handling: {
      ...deadlineFields(complaint, ctx.now(), rules),
      assignedStaffId: complaint.assigned_staff_id,
      acceptedAt: complaint.accepted_at,
      firstResponseAt: complaint.first_response_at,
      proposal:
        complaint.proposal_text !== null
          ? { text: complaint.proposal_text, amountFen: Number(complaint.proposal_amount_fen ?? 0), promisedDate: complaint.proposal_promised_date ?? '' }
          : null,
      rejectionGround: complaint.rejection_ground,
      clockPaused: complaint.clock_paused_at ? { since: complaint.clock_paused_at, reason: complaint.clock_paused_reason ?? '' } : null,
      outcome: complaint.outcome,
      recoveredAmountFen: complaint.recovered_amount_fen === null ? null : Number(complaint.recovered_amount_fen),
      rating:
        // A rating outside 1–5 (stored before the database checked it) is shown as none.
        isStarRating(complaint.rating) && complaint.rated_at
          ? { stars: complaint.rating, comment: complaint.rating_comment, ratedAt: complaint.rated_at }
          : null,
    },
    createdAt: complaint.created_at,
    updatedAt: complaint.updated_at,
  }
}
