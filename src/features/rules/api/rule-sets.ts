import type { MyOrganization } from '@/contract/organization'
import type { RuleSet, RuleSetListResponse, RuleSetVersionRequest } from '@/contract/rule-set'
import { getJson, postJson } from '@/lib/http'

/** GET /api/rule-sets (public): the newest version of each rule set, with citations. */
export async function listRuleSets(): Promise<RuleSet[]> {
  return (await getJson<RuleSetListResponse>('/rule-sets')).ruleSets
}

/** POST /api/staff/rule-sets/:code/versions (staff with the rule-editor permission): the next version; earlier cases keep theirs. */
export function publishRuleSetVersion(code: string, body: RuleSetVersionRequest): Promise<RuleSet> {
  return postJson<RuleSet>(`/staff/rule-sets/${encodeURIComponent(code)}/versions`, body)
}

/** GET /api/staff/organizations/mine (staff): which rules complaints received by the caller's organization are filed under. */
export async function myRuleFamily(): Promise<Pick<MyOrganization, 'ruleFamily'> & { organizationName: string }> {
  const mine = await getJson<MyOrganization>('/staff/organizations/mine')
  return { ruleFamily: mine.ruleFamily, organizationName: mine.organization.name }
}
