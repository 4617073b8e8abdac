import { randomUUID } from 'node:crypto'
import { runAdminCommand } from '../../cli/admin-commands'
import type { AuthUser } from '../../modules/auth/auth.service'
import { decideFinding, proposeFinding } from '../../modules/bad-faith-findings/bad-faith-findings.service'
import { insertEnterprise } from '../../modules/users/enterprise.repository'
import { fileComplaint } from './complaints'
import type { Cast } from './matrix-fixtures'
import type { TestApp } from './test-app'

let serial = 0

/** A staff member of the top organization holding 失信认定, who is none of the matrix actors. */
async function creditColleague(t: TestApp): Promise<AuthUser> {
  const phone = `1377${String(++serial).padStart(7, '0')}`
  await runAdminCommand(t.ctx.db, 'create-staff', { phone, name: `认定同事${serial}` })
  const user = await t.ctx.db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()
  await t.ctx.db.updateTable('staff_memberships').set({ can_credit_findings: 1 }).where('user_id', '=', user.id).execute()
  return { id: user.id, role: 'staff', enterpriseId: null, sessionId: '' }
}

/** A new enterprise with one of consumer A's complaints about it (held by the top organization). */
async function enterpriseWithCase(t: TestApp, c: Cast): Promise<{ enterpriseId: string; caseId: string }> {
  const name = `矩阵失信测试企业${randomUUID().slice(0, 8)}`
  const enterpriseId = (await insertEnterprise(t.ctx.db, name)).id
  const complaint = await fileComplaint(t, c.people.consumerA.token, { business: { name, enterpriseId }, path: 'association' })
  return { enterpriseId, caseId: complaint.id as string }
}

const proposal = (target: { enterpriseId: string; caseId: string }) => ({
  enterpriseId: target.enterpriseId,
  basisCode: 'cpl-37-expose',
  facts: '收取预付款后停业，12 件投诉调解承诺退款均未履行。',
  caseIds: [target.caseId],
  months: 6,
})

/** A finding proposed by a colleague whose appeal window has passed: the staff actor may decide it. */
async function findingAwaitingDecision(t: TestApp, c: Cast, enterprise?: { enterpriseId: string; caseId: string }): Promise<string> {
  const target = enterprise ?? (await enterpriseWithCase(t, c))
  // One open proposal per enterprise: an earlier fixture's open finding about it is decided first.
  await t.ctx.db.updateTable('bad_faith_findings').set({ status: 'rejected' }).where('enterprise_id', '=', target.enterpriseId).where('status', '=', 'appeal_open').execute()
  const finding = await proposeFinding(t.ctx, await creditColleague(t), proposal(target))
  await t.ctx.db.updateTable('bad_faith_findings').set({ appeal_due_at: new Date(t.ctx.now().getTime() - 1000).toISOString() }).where('id', '=', finding.id).execute()
  return finding.id
}

/** Fixtures of the authorization matrix for bad-faith findings (失信认定). */
export const CREDIT_FIXTURES = {
  /** The query string of the case picker for a new enterprise. */
  creditCaseQuery: async (t: TestApp, c: Cast) => `enterpriseId=${(await enterpriseWithCase(t, c)).enterpriseId}`,
  findingAwaitingDecision: (t: TestApp, c: Cast) => findingAwaitingDecision(t, c),
  /** A finding one colleague proposed and another published. */
  publishedFinding: async (t: TestApp, c: Cast) => {
    const id = await findingAwaitingDecision(t, c)
    await decideFinding(t.ctx, await creditColleague(t), id, { outcome: 'publish', reasons: '申辩期满企业未申辩，事实清楚。' })
    return id
  },
  /** A finding about enterprise E still in its appeal window. */
  openFindingAboutE: async (t: TestApp, c: Cast) => {
    await t.ctx.db.updateTable('bad_faith_findings').set({ status: 'rejected' }).where('enterprise_id', '=', c.enterpriseE).where('status', '=', 'appeal_open').execute()
    const complaint = await fileComplaint(t, c.people.consumerA.token, { business: { name: '示例优选超市有限公司', enterpriseId: c.enterpriseE }, path: 'association' })
    return (await proposeFinding(t.ctx, await creditColleague(t), proposal({ enterpriseId: c.enterpriseE, caseId: complaint.id as string }))).id
  },
} satisfies Record<string, (t: TestApp, c: Cast) => Promise<string>>

/** A body for POST /api/staff/credit-findings about a new enterprise. */
export async function proposalBody(t: TestApp, c: Cast): Promise<object> {
  return proposal(await enterpriseWithCase(t, c))
}
