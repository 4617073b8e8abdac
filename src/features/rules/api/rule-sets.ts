import type { RuleSet, RuleSetListResponse } from '@/contract/rule-set'
import { getJson } from '@/lib/http'

/** GET /api/rule-sets (public): the newest version of each rule set, with citations. */
export async function listRuleSets(): Promise<RuleSet[]> {
  return (await getJson<RuleSetListResponse>('/rule-sets')).ruleSets
}
