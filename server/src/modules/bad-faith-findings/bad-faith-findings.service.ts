import { randomUUID } from 'node:crypto'
import type { DecideFindingRequest, Finding, FindingCaseCandidates, FindingList, LiftFindingRequest, ProposeFindingRequest } from '../../../../src/contract/bad-faith-finding'
import { appealWindowText, FINDING_APPEAL_WINDOW, FINDING_FACTS_MIN, FINDING_REASONS_MIN, findingBasis } from '../../../../src/contract/bad-faith-finding-rules'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { chinaDate } from '../../china-time'
import { addWorkingDays } from '../workflow/working-days'
import { enterpriseCasesQuery, findFinding, organizationFindingsQuery, type FindingRow } from './bad-faith-findings.repository'
import { subtreeEnd } from '../organizations/organization-scope'
import { assertInScope, requireCreditPermission, type CreditScope } from './finding-access'
import { findingState, toFindingDtos } from './finding-dto'
import { notifyLiaisons, notifyStaff } from './finding-notices'

/** The subtree condition of a staff member's organization; null for the top, which holds every case. */
const heldPath = (scope: CreditScope) => (scope.organization.parent_id === null ? null : scope.organization.path)

async function findingDto(ctx: AppContext, scope: CreditScope, user: AuthUser, id: string): Promise<Finding> {
  const row = assertInScope(scope, await findFinding(ctx.db, id))
  return (await toFindingDtos(ctx, [row], { id: user.id, mayDecide: scope.canCreditFindings, liaison: false }))[0]!
}

/** 失信认定 desk: the findings of the caller's organization and those below it. */
export async function staffFindings(ctx: AppContext, user: AuthUser): Promise<FindingList> {
  const scope = await requireCreditPermission(ctx.db, user.id)
  const rows = await organizationFindingsQuery(ctx.db, scope.organization.path).execute()
  return { items: await toFindingDtos(ctx, rows, { id: user.id, mayDecide: true, liaison: false }), mayPropose: true, me: user.id }
}

/** Complaints about the enterprise that the caller's organization (or one below it) handled: what a finding may link. */
export async function caseCandidates(ctx: AppContext, user: AuthUser, enterpriseId: string): Promise<FindingCaseCandidates> {
  const scope = await requireCreditPermission(ctx.db, user.id)
  const rows = await enterpriseCasesQuery(ctx.db, enterpriseId, heldPath(scope)).execute()
  return { items: rows.map((row) => ({ id: row.id, number: row.number, status: row.status, createdAt: row.created_at })) }
}

/**
 * Proposes a finding: the enterprise's liaisons are told and may appeal until the window ends. One open
 * proposal per enterprise (a unique index: two staff proposing at once get one 201 and one 409).
 */
export async function proposeFinding(ctx: AppContext, user: AuthUser, body: ProposeFindingRequest): Promise<Finding> {
  const scope = await requireCreditPermission(ctx.db, user.id)
  const facts = body.facts.trim()
  if ([...facts].length < FINDING_FACTS_MIN) throw new AppError(400, 'VALIDATION_FAILED', `请写清认定的事实（至少 ${FINDING_FACTS_MIN} 个字）`)
  if (!findingBasis(body.basisCode)) throw new AppError(400, 'VALIDATION_FAILED', '请从列表中选择认定依据')
  const enterprise = await ctx.db.selectFrom('enterprises').select(['id', 'name']).where('id', '=', body.enterpriseId).executeTakeFirst()
  if (!enterprise) throw new AppError(422, 'FINDING_ENTERPRISE_NOT_FOUND')
  const path = heldPath(scope)
  let cases = ctx.db.selectFrom('complaints').select('id').where('id', 'in', body.caseIds).where('enterprise_id', '=', enterprise.id)
  if (path !== null) cases = cases.where('organization_path', '>=', path).where('organization_path', '<', subtreeEnd(path))
  if ((await cases.execute()).length !== body.caseIds.length) throw new AppError(422, 'CREDIT_FINDING_CASE_INVALID')

  const now = ctx.now()
  const at = now.toISOString()
  const due = addWorkingDays(now, FINDING_APPEAL_WINDOW.days)
  const id = randomUUID()
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('bad_faith_findings')
        .values({
          id,
          enterprise_id: enterprise.id,
          organization_id: scope.organization.id,
          organization_path: scope.organization.path,
          proposed_by: user.id,
          basis_code: body.basisCode,
          facts,
          months: body.months,
          status: 'appeal_open',
          appeal_due_at: due.toISOString(),
          appeal_text: null,
          appeal_by: null,
          appeal_at: null,
          decided_by: null,
          decided_at: null,
          decision_reasons: null,
          published_at: null,
          expires_at: null,
          lift_requested_by: null,
          lift_reason: null,
          lift_requested_at: null,
          lifted_by: null,
          lifted_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute()
      await trx.insertInto('bad_faith_finding_cases').values(body.caseIds.map((complaint_id) => ({ finding_id: id, complaint_id }))).execute()
      await notifyLiaisons(
        trx,
        enterprise.id,
        id,
        'proposed',
        '消协拟对贵企业作出失信认定',
        `${scope.organization.name}拟认定「${enterprise.name}」失信，可在 ${appealWindowText()}内（截至 ${chinaDate(due)}）在应用中申辩。`,
        now,
      )
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'CREDIT_FINDING_OPEN_EXISTS')
    throw error
  }
  return findingDto(ctx, scope, user, id)
}

function addMonths(from: Date, months: number): Date {
  const to = new Date(from)
  to.setUTCMonth(to.getUTCMonth() + months)
  return to
}

/**
 * The second pair of eyes: another staff member with the permission decides once the enterprise has
 * appealed or the window has passed. Two decisions at once: the first wins (compare-and-swap on the
 * status), the second is 409.
 */
export async function decideFinding(ctx: AppContext, user: AuthUser, id: string, body: DecideFindingRequest): Promise<Finding> {
  const scope = await requireCreditPermission(ctx.db, user.id)
  const row = assertInScope(scope, await findFinding(ctx.db, id))
  if (row.proposed_by === user.id) throw new AppError(403, 'FINDING_SAME_STAFF')
  const reasons = body.reasons.trim()
  if ([...reasons].length < FINDING_REASONS_MIN) throw new AppError(400, 'VALIDATION_FAILED', `请写明理由（至少 ${FINDING_REASONS_MIN} 个字）`)
  const now = ctx.now()
  const state = findingState(row, now)
  if (state === 'appeal_open') throw new AppError(409, 'CREDIT_FINDING_APPEAL_PENDING')
  if (state !== 'awaiting_decision') throw new AppError(409, 'CREDIT_FINDING_ALREADY_DECIDED')
  const at = now.toISOString()
  const publish = body.outcome === 'publish'
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('bad_faith_findings')
      .set({
        status: publish ? 'published' : 'rejected',
        decided_by: user.id,
        decided_at: at,
        decision_reasons: reasons,
        published_at: publish ? at : null,
        expires_at: publish ? addMonths(now, Number(row.months)).toISOString() : null,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'appeal_open')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'CREDIT_FINDING_ALREADY_DECIDED')
    const title = publish ? '失信认定已作出并公示' : '消协决定不予认定失信'
    const body = publish ? `认定结果将在企业公开页面公示 ${row.months} 个月。` : '此前拟作出的失信认定不再公示。'
    await notifyLiaisons(trx, row.enterprise_id, row.id, 'decided', title, body, now)
    await notifyStaff(trx, row.proposed_by, row.id, 'decided', title, body, now)
  })
  return findingDto(ctx, scope, user, row.id)
}

/**
 * Lifting a published finding early takes two staff: the first records the request and its reason,
 * a different one confirms (the same person twice is 403); the record stays on the finding.
 */
export async function liftFinding(ctx: AppContext, user: AuthUser, id: string, body: LiftFindingRequest): Promise<Finding> {
  const scope = await requireCreditPermission(ctx.db, user.id)
  const row: FindingRow = assertInScope(scope, await findFinding(ctx.db, id))
  const now = ctx.now()
  if (findingState(row, now) !== 'published') throw new AppError(409, 'CREDIT_FINDING_NOT_PUBLISHED')
  const reason = body.reason.trim()
  if ([...reason].length < FINDING_REASONS_MIN) throw new AppError(400, 'VALIDATION_FAILED', `请写明撤销理由（至少 ${FINDING_REASONS_MIN} 个字）`)
  const at = now.toISOString()
  if (row.lift_requested_by === null) {
    const updated = await ctx.db
      .updateTable('bad_faith_findings')
      .set({ lift_requested_by: user.id, lift_reason: reason, lift_requested_at: at, updated_at: at })
      .where('id', '=', row.id)
      .where('status', '=', 'published')
      .where('lift_requested_by', 'is', null)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'CREDIT_FINDING_ALREADY_DECIDED', '另一位工作人员刚刚提出了撤销申请，请刷新后确认')
    return findingDto(ctx, scope, user, row.id)
  }
  if (row.lift_requested_by === user.id) throw new AppError(403, 'FINDING_SAME_STAFF')
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('bad_faith_findings')
      .set({ status: 'lifted', lifted_by: user.id, lifted_at: at, updated_at: at })
      .where('id', '=', row.id)
      .where('status', '=', 'published')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'CREDIT_FINDING_NOT_PUBLISHED')
    await notifyLiaisons(trx, row.enterprise_id, row.id, 'lifted', '失信认定已提前撤销', `撤销理由：${row.lift_reason ?? reason}`, now)
  })
  return findingDto(ctx, scope, user, row.id)
}
