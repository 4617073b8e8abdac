import { FIELD_REPORT_CATEGORY_LABELS, FIELD_REPORT_STATUS_LABELS, type FieldReportStatus } from '../../../../src/contract/field-report-rules'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { notify } from '../notifications/notify'
import { staffScope } from '../organizations/organization-scope'
import { rulesForFiling } from '../rules/rule-sets.service'
import { fieldReportLink } from '../volunteers/volunteer-links'
import { complaintFromReport, warningDraftFromReport } from './field-report-conversion'
import { fieldReportsVisibleTo, seesFieldReport } from './field-report-scope'
import { findReportById, reviewReport, type FieldReportRow } from './field-reports.repository'
import { loadFieldReport } from './field-reports.service'

const OPEN: readonly FieldReportStatus[] = ['pending', 'verified']

const noteOrNull = (note: string | undefined) => (note?.trim() ? note.trim() : null)

/** The review change, then whatever it creates, then the volunteer's notification: one transaction. */
async function decide(
  ctx: AppContext,
  staff: AuthUser,
  args: {
    id: string
    from: readonly FieldReportStatus[]
    to: FieldReportStatus
    note: string | null
    create?: (trx: Db, report: FieldReportRow, now: Date) => Promise<{ complaintId?: string; warningId?: string }>
  },
): Promise<FieldReportRow> {
  const now = ctx.now()
  const at = now.toISOString()
  const scope = await staffScope(ctx.db, staff.id)
  return ctx.db.transaction().execute(async (trx) => {
    // The compare-and-swap first: its row lock makes a second staff member's attempt wait, then fail.
    // Another organization's report (a sibling county's) does not exist for this staff member, decided or not.
    const claimed = await reviewReport(trx, { id: args.id, from: args.from, to: args.to, note: args.note, staffId: staff.id, at, visible: fieldReportsVisibleTo(scope) })
    if (!claimed) {
      const report = await findReportById(trx, args.id)
      if (!report || !seesFieldReport(scope, report)) throw notFound()
      throw new AppError(409, 'FIELD_REPORT_ALREADY_DECIDED')
    }
    let report = claimed
    if (args.create) {
      const links = await args.create(trx, claimed, now)
      report = (await trx.updateTable('field_reports').set({ complaint_id: links.complaintId ?? null, warning_id: links.warningId ?? null }).where('id', '=', claimed.id).returningAll().executeTakeFirstOrThrow())
    }
    const label = FIELD_REPORT_STATUS_LABELS[args.to]
    const subject = `${FIELD_REPORT_CATEGORY_LABELS[report.category]}：${report.business_name}`
    await notify(trx, {
      recipientId: report.volunteer_id,
      type: 'field_report_status',
      title: `走访报告${label}`,
      body: args.note ? `${subject}。工作人员留言：${args.note}` : `${subject}。感谢您的走访。`,
      link: fieldReportLink(report.id),
      sourceKey: `field-report:${report.id}:${args.to}`,
      now,
    })
    return report
  })
}

export async function verifyFieldReport(ctx: AppContext, staff: AuthUser, id: string, note: string | undefined) {
  const report = await decide(ctx, staff, { id, from: ['pending'], to: 'verified', note: noteOrNull(note) })
  return loadFieldReport(ctx, report)
}

export async function dismissFieldReport(ctx: AppContext, staff: AuthUser, id: string, note: string) {
  const reason = noteOrNull(note)
  if (!reason) throw new AppError(400, 'VALIDATION_FAILED', '请写明不予采纳的原因')
  const report = await decide(ctx, staff, { id, from: OPEN, to: 'dismissed', note: reason })
  return loadFieldReport(ctx, report)
}

/** A complaint case against the business, on the association path, with the volunteer as complainant. */
export async function convertToComplaint(ctx: AppContext, staff: AuthUser, id: string, note: string | undefined) {
  const staffNote = noteOrNull(note)
  const report = await decide(ctx, staff, {
    id,
    from: OPEN,
    to: 'converted_complaint',
    note: staffNote,
    create: async (trx, row, now) => ({ complaintId: await complaintFromReport(trx, { report: row, staff, note: staffNote, now, rules: await rulesForFiling(ctx, trx, now, row.organization_path ? { path: row.organization_path } : null) }) }),
  })
  return { complaintId: report.complaint_id! }
}

export async function convertToWarning(ctx: AppContext, staff: AuthUser, id: string, note: string | undefined) {
  const staffNote = noteOrNull(note)
  const report = await decide(ctx, staff, {
    id,
    from: OPEN,
    to: 'converted_warning',
    note: staffNote,
    create: async (trx, row, now) => ({ warningId: await warningDraftFromReport(trx, { report: row, staff, now }) }),
  })
  return { warningId: report.warning_id! }
}
