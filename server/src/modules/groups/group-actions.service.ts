import { randomUUID } from 'node:crypto'
import type { RequestAction } from '../../../../src/contract/complaint-actions'
import { GROUP_STEP_LABELS, type GroupActionRequest, type GroupActionResult, type GroupStep } from '../../../../src/contract/complaint-group'
import { fenToYuan } from '../../../../src/contract/complaint-rules'
import { COMPLAINT_STATUS_LABELS, isOpen } from '../../../../src/contract/complaint-status'
import { WORKFLOW } from '../../../../src/contract/complaint-workflow'
import type { AppContext } from '../../context'
import { isPostgres } from '../../db/dialect-sql'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { holdsComplaint, staffScope, type StaffScope } from '../organizations/organization-scope'
import { perform, prepareStep } from '../workflow/workflow.service'
import { bumpGroupVersion, findGroupById, memberCasesQuery } from './groups.repository'
import { findVisibleGroup, staffGroupDetail } from './groups.service'

/** Marks the step on every member's timeline (and in the consumer's notification) as the group's. */
export const GROUP_CONTEXT = '【集体投诉统一处理】'

type Plan = { step: GroupStep; action: RequestAction; body: (amountFen: number) => Record<string, unknown> } | { reason: string }

/**
 * What the group action does on one member's case: the workflow step its state allows, or why it is
 * left as it is. A proposal is the enterprise's answer on the green channel, recorded here by staff
 * (agreed with the enterprise for the whole group); each consumer still accepts or rejects it.
 */
function planFor(scope: StaffScope, complaint: ComplaintRow, request: GroupActionRequest): Plan {
  const status = COMPLAINT_STATUS_LABELS[complaint.status]
  if (!isOpen(complaint.status)) return { reason: `投诉已结束（${status}）` }
  if (!holdsComplaint(scope, complaint)) return { reason: '已移送给其他组织办理，本组织只能查看' }
  if (complaint.status === 'enterprise_proposed') return { reason: '企业已提出方案，正等消费者答复' }
  if (WORKFLOW.propose.from.includes(complaint.status)) {
    return { step: 'odr_proposal', action: 'propose', body: (amountFen) => ({ text: request.text, amountFen, promisedDate: request.promisedDate }) }
  }
  if (request.mediationOutcome === 'succeeded') {
    if (WORKFLOW.mediation_succeeded.from.includes(complaint.status)) {
      return { step: 'mediation_succeeded', action: 'mediation_succeeded', body: (recoveredAmountFen) => ({ agreement: request.text, recoveredAmountFen }) }
    }
    return { reason: `还没有进入调解，不能记录调解成功（${status}）` }
  }
  if (WORKFLOW.note.from.includes(complaint.status)) {
    return { step: 'mediation_note', action: 'note', body: (amountFen) => ({ text: `${request.text}（本案金额 ${fenToYuan(amountFen)} 元，履行日期 ${request.promisedDate}）` }) }
  }
  return { reason: `这一阶段不能记录调解情况（${status}）` }
}

const isCalendarDate = (date: string) => new Date(`${date}T00:00:00.000Z`).toISOString().slice(0, 10) === date

class NothingApplies extends Error {}

/** The group's own log: how many cases got which step, how many were left, and the text (no member's data). */
function summary(result: Omit<GroupActionResult, 'group'>, text: string): string {
  const counts = Object.entries(GROUP_STEP_LABELS)
    .map(([step, label]) => [label, result.applied.filter((a) => a.step === step).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 件`)
  return `${counts.join('，')}${result.skipped.length ? `，未处理 ${result.skipped.length} 件` : ''}：${text.trim()}`
}

function checkRequest(request: GroupActionRequest) {
  if (!isCalendarDate(request.promisedDate)) throw new AppError(400, 'VALIDATION_FAILED', '履行日期不正确')
  const ids = new Set(request.members.map((m) => m.complaintId))
  if (ids.size !== request.members.length) throw new AppError(400, 'VALIDATION_FAILED', '同一件投诉填写了两次金额')
}

/**
 * 集体投诉统一处理: one action for every open member's case, in one transaction, each with the amount
 * staff gave it. The group's version must be the one the staff member saw (else 409 GROUP_CHANGED,
 * nothing written), so two staff sending it at once apply it once. Members it does not fit are
 * skipped with the reason; an id that is not a member fails the whole request (422, nothing written).
 */
export async function applyGroupAction(ctx: AppContext, user: AuthUser, id: string, request: GroupActionRequest): Promise<GroupActionResult> {
  const scope = await staffScope(ctx.db, user.id)
  if (!scope.canMediate) throw new AppError(403, 'FORBIDDEN', '您没有处理投诉的权限')
  const group = await findVisibleGroup(ctx, user, id)
  if (group.status !== 'open') throw new AppError(409, 'GROUP_CLOSED')
  checkRequest(request)
  const amounts = new Map(request.members.map((m) => [m.complaintId, m.amountFen]))
  const now = ctx.now()
  const result: Omit<GroupActionResult, 'group'> = { applied: [], skipped: [] }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await bumpGroupVersion(trx, group.id, request.version, now))) {
        const current = await findGroupById(trx, group.id)
        throw new AppError(409, current?.status === 'open' ? 'GROUP_CHANGED' : 'GROUP_CLOSED')
      }
      const query = memberCasesQuery(trx, group.id)
      // Locked so a single action on a member cannot slip in between reading it and writing the step.
      const members = await (isPostgres(trx) ? query.forUpdate() : query).execute()
      const memberIds = new Set(members.map((m) => m.id))
      if ([...amounts.keys()].some((complaintId) => !memberIds.has(complaintId))) throw new AppError(422, 'GROUP_MEMBER_UNKNOWN')
      const plans = members.map((complaint) => {
        const amountFen = amounts.get(complaint.id)
        return { complaint, amountFen, plan: amountFen === undefined ? { reason: '没有填写本案金额，本次未处理' } : planFor(scope, complaint, request) }
      })
      for (const { complaint, plan } of plans) if ('reason' in plan) result.skipped.push({ complaintId: complaint.id, number: complaint.number, reason: plan.reason })
      // Nothing fits: nothing is written (not even the version), the answer lists why.
      if (plans.every(({ plan }) => 'reason' in plan)) throw new NothingApplies()
      for (const { complaint, amountFen, plan } of plans) {
        if ('reason' in plan || amountFen === undefined) continue
        const step = await prepareStep(ctx, trx, plan.action, complaint, plan.body(amountFen), now)
        step.note = `${GROUP_CONTEXT}${step.note ?? ''}`
        step.data = { ...step.data, groupId: group.id, groupAction: true, amountFen }
        await perform(trx, { complaint, action: plan.action, actor: { id: user.id, role: 'staff' }, step, now })
        result.applied.push({ complaintId: complaint.id, number: complaint.number, step: plan.step, amountFen })
      }
      await trx.insertInto('complaint_group_events').values({ id: randomUUID(), group_id: group.id, type: 'handled', actor_id: user.id, note: summary(result, request.text), created_at: now.toISOString() }).execute()
    })
  } catch (error) {
    if (!(error instanceof NothingApplies)) throw error
  }
  return { ...result, group: await staffGroupDetail(ctx, (await findGroupById(ctx.db, group.id))!) }
}
