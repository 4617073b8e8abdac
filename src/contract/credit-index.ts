import { Type, type Static } from '@sinclair/typebox'
import { IndustrySchema } from './complaint'
import { RANKING_MONTH_PATTERN } from './credit-ranking'

/** The public enterprise index and the monthly rankings (issue #19): the shapes the server sends and the app reads. */

const NullableNumber = Type.Union([Type.Number(), Type.Null()])
const Month = Type.String({ pattern: RANKING_MONTH_PATTERN, description: '中国时间的月份 YYYY-MM' })
const Board = Type.Union([Type.Literal('red'), Type.Literal('black')])

export const CreditEnterpriseParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export type CreditEnterpriseParams = Static<typeof CreditEnterpriseParams>

export const RankingPlace = Type.Object({
  board: Board,
  place: Type.Integer(),
  /** '' when the board is for every industry / region. */
  industry: Type.String(),
  region: Type.String(),
})
export type RankingPlace = Static<typeof RankingPlace>

export const CreditIndex = Type.Object({
  enterpriseId: Type.String(),
  /** The last 12 China months, oldest first; the last is the month under way. */
  months: Type.Array(Type.Object({ month: Type.String(), received: Type.Integer() })),
  /** Complaints filed in the last 3 whole months and in the 3 before them. */
  trend: Type.Object({ recent: Type.Integer(), previous: Type.Integer(), recentFrom: Type.String(), recentTo: Type.String() }),
  enoughData: Type.Boolean(),
  mediation: Type.Object({ succeeded: Type.Integer(), ended: Type.Integer(), rate: NullableNumber }),
  /** Follow-ups of settlements: confirmed performed or not; rate null when there is none yet (settled only). */
  performance: Type.Object({ performed: Type.Integer(), unperformed: Type.Integer(), rate: NullableNumber }),
  /** The places of the enterprise on the last closed month's boards. */
  ranking: Type.Object({ month: Type.String(), places: Type.Array(RankingPlace) }),
  definitions: Type.Object({ monthly: Type.String(), trend: Type.String(), mediation: Type.String(), performance: Type.String() }),
})
export type CreditIndex = Static<typeof CreditIndex>

export const RankingQuery = Type.Object(
  {
    month: Type.Optional(Month),
    industry: Type.Optional(IndustrySchema),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: '地市，如 杭州市' })),
  },
  { additionalProperties: false },
)
export type RankingQuery = Static<typeof RankingQuery>

const RankingRow = Type.Object({ place: Type.Integer(), enterpriseId: Type.String(), name: Type.String(), score: Type.Number() })
export type RankingRow = Static<typeof RankingRow>

export const RankingResponse = Type.Object({
  month: Type.String(),
  industry: Type.String(),
  region: Type.String(),
  computedAt: Type.String(),
  methodVersion: Type.Integer(),
  red: Type.Array(RankingRow),
  black: Type.Array(RankingRow),
  /** The regions (cities) that have a board this month, for the filter. */
  regions: Type.Array(Type.String()),
  /** The closed months that can be asked for, newest first. */
  months: Type.Array(Type.String()),
})
export type RankingResponse = Static<typeof RankingResponse>

export const RankingMonthParams = Type.Object({ month: Month })
export type RankingMonthParams = Static<typeof RankingMonthParams>

export const RankingInputRow = Type.Object({
  enterpriseId: Type.String(),
  name: Type.String(),
  industry: Type.String(),
  region: Type.String(),
  received: Type.Integer(),
  responded: Type.Integer(),
  settled: Type.Integer(),
  unanswered: Type.Integer(),
})

export const RankingExport = Type.Object({
  month: Type.String(),
  methodVersion: Type.Integer(),
  computedAt: Type.String(),
  inputs: Type.Array(RankingInputRow),
})
export type RankingExport = Static<typeof RankingExport>

export const CREDIT_DEFINITIONS = {
  monthly: '每月通过本平台对该企业提交的投诉件数（按提交时的中国时间计月，含已撤回的）。',
  trend: '最近 3 个完整月收到的投诉与再之前 3 个月相比。',
  mediation: '经消协调解、已有结果的投诉中，调解成功的比例。',
  performance: '和解或调解成功后，消费者确认钱或货已收到（已履行）的件数占已有确认结果件数的比例；还没有履行确认时只显示和解数。',
} as const
