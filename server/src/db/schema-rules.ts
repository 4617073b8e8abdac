import type { RuleSetFamily } from '../../../src/contract/rule-set'

/** One version of a rule set; never updated once written (a change is the next version). */
export interface RuleSetTable {
  id: string
  code: string
  version: number
  family: RuleSetFamily
  name: string
  issuing_body: string
  document: string
  document_number: string | null
  /** China dates YYYY-MM-DD, both inclusive; null when unknown / still in force. */
  in_force_from: string | null
  in_force_to: string | null
  /** JSON of RuleSetContent (src/contract/rule-set.ts). */
  content: string
  created_by: string | null
  created_at: string
}

export interface RuleTables {
  rule_sets: RuleSetTable
  referral_destinations: ReferralDestinationTable
}

/** A body other than the association that handles some complaints (migration 2026-12-04T0022-referrals). */
export interface ReferralDestinationTable {
  code: string
  position: number
  name: string
  scope: string
  hotline: string | null
  website: string | null
  /** JSON array of industry codes. */
  industries: string
  /** JSON array of refusal ground codes (of any rule set). */
  refusal_grounds: string
  article: string | null
  quote: string | null
  verified: number
  note: string | null
  source_title: string | null
  source_url: string | null
  created_at: string
}
