import type { AppealFindingRequest, FindingList } from '../../../../src/contract/bad-faith-finding'
import { FINDING_APPEAL_MIN, type Finding } from '../../../../src/contract/bad-faith-finding'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { enterpriseFindingsQuery, findFinding } from './bad-faith-findings.repository'
import { toFindingDtos } from './finding-dto'
import { notifyStaff } from './finding-notices'

function liaisonEnterprise(user: AuthUser): string {
  if (user.role !== 'enterprise' || !user.enterpriseId) throw new AppError(403, 'FORBIDDEN')
  return user.enterpriseId
}

/** The liaison's page: every finding about their enterprise, whatever its state. */
export async function enterpriseFindings(ctx: AppContext, user: AuthUser): Promise<FindingList> {
  const enterpriseId = liaisonEnterprise(user)
  const rows = await enterpriseFindingsQuery(ctx.db, enterpriseId).execute()
  return { items: await toFindingDtos(ctx, rows, { id: user.id, mayDecide: false, liaison: true }), mayPropose: false, me: user.id }
}

/**
 * The enterprise's one appeal (申辩), with photos uploaded first through the evidence pipeline, before
 * the window ends. After it: 409 CREDIT_FINDING_APPEAL_CLOSED; a second appeal: 409 ALREADY_APPEALED.
 * Another enterprise's finding is 404.
 */
export async function appealFinding(ctx: AppContext, user: AuthUser, id: string, body: AppealFindingRequest): Promise<Finding> {
  const enterpriseId = liaisonEnterprise(user)
  const row = await findFinding(ctx.db, id)
  if (!row || row.enterprise_id !== enterpriseId) throw new AppError(404, 'CREDIT_FINDING_NOT_FOUND')
  const text = body.text.trim()
  if ([...text].length < FINDING_APPEAL_MIN) throw new AppError(400, 'VALIDATION_FAILED', `请写清申辩的理由（至少 ${FINDING_APPEAL_MIN} 个字）`)
  const now = ctx.now()
  const at = now.toISOString()
  if (row.appeal_at !== null) throw new AppError(409, 'CREDIT_FINDING_ALREADY_APPEALED')
  if (row.status !== 'appeal_open' || at > row.appeal_due_at) throw new AppError(409, 'CREDIT_FINDING_APPEAL_CLOSED')
  await ctx.db.transaction().execute(async (trx) => {
    // Compare-and-swap: two liaisons appealing at once, or an appeal racing the decision, write one.
    const updated = await trx
      .updateTable('bad_faith_findings')
      .set({ appeal_text: text, appeal_by: user.id, appeal_at: at, updated_at: at })
      .where('id', '=', row.id)
      .where('status', '=', 'appeal_open')
      .where('appeal_at', 'is', null)
      .where('appeal_due_at', '>=', at)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'CREDIT_FINDING_ALREADY_APPEALED')
    if (body.photoIds.length > 0) {
      const taken = await trx
        .updateTable('evidence')
        .set({ attached_at: at })
        .where('id', 'in', body.photoIds)
        .where('owner_id', '=', user.id)
        .where('complaint_id', 'is', null)
        .where('attached_at', 'is', null)
        .executeTakeFirst()
      if (Number(taken.numUpdatedRows) !== body.photoIds.length) throw new AppError(422, 'EVIDENCE_INVALID')
      await trx
        .insertInto('bad_faith_finding_photos')
        .values(body.photoIds.map((evidence_id, position) => ({ evidence_id, finding_id: row.id, position })))
        .execute()
    }
    await notifyStaff(trx, row.proposed_by, row.id, 'appealed', '企业已对失信认定提出申辩', '请另一位有失信认定权限的工作人员复核并作出决定。', now)
  })
  const fresh = (await findFinding(ctx.db, row.id))!
  return (await toFindingDtos(ctx, [fresh], { id: user.id, mayDecide: false, liaison: true }))[0]!
}
