import type { RankingBoard } from '../../../src/contract/credit-ranking'

/** Monthly 红榜/黑榜 (migration 2026-12-05T0047-credit-rankings): written once per closed month, never edited. */
export interface CreditRankingMonthTable {
  /** China month YYYY-MM. */
  month: string
  method_version: number
  computed_at: string
}

export interface CreditRankingInputTable {
  month: string
  enterprise_id: string
  name: string
  industry: string
  region: string
  received: number
  responded: number
  settled: number
  unanswered: number
}

export interface CreditRankingTable {
  month: string
  /** '' for every industry / every region. */
  industry: string
  region: string
  board: RankingBoard
  place: number
  enterprise_id: string
  name: string
  score_tenths: number
}

export interface CreditIndexTables {
  credit_ranking_months: CreditRankingMonthTable
  credit_ranking_inputs: CreditRankingInputTable
  credit_rankings: CreditRankingTable
}
