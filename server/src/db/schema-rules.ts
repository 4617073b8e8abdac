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
}
