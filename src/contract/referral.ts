import { Type, type Static } from '@sinclair/typebox'
import { RuleSource } from './rule-set'
export * from './complaint-referral'
import type { Industry } from './complaint-rules'

/**
 * Bodies other than the consumer association that handle some complaints (issue #16 "Sent to the
 * body that can act"). Each carries the hotline, the legal basis and where both were checked; what
 * could not be checked says so (`verified: false` and a note, shown to staff and the consumer).
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const REFERRAL_CODE_PATTERN = '^[a-z][a-z0-9_]{0,39}$'

export const ReferralDestination = Type.Object({
  code: Type.String({ pattern: REFERRAL_CODE_PATTERN }),
  name: Type.String({ description: '受理部门，如 工业和信息化部电信用户申诉受理中心' }),
  scope: Type.String({ description: '受理什么' }),
  hotline: Nullable(Type.String({ description: '电话，如 12300' })),
  website: Nullable(Type.String({ description: '网址' })),
  /** Filing industries that are clearly this body's (the filing screen hints at it). */
  industries: Type.Array(Type.String()),
  /** Refusal ground codes (of any rule set) for which staff are offered this body first. */
  refusalGrounds: Type.Array(Type.String()),
  article: Nullable(Type.String({ description: '依据的文件和条款' })),
  quote: Nullable(Type.String({ description: '核对过的原话（节录）' })),
  verified: Type.Boolean({ description: '电话和依据是否已对照文字核实' }),
  note: Nullable(Type.String({ description: '说明，如哪一项未能核实' })),
  source: Nullable(RuleSource),
})
export type ReferralDestination = Static<typeof ReferralDestination>

export const ReferralDestinationListResponse = Type.Object({ destinations: Type.Array(ReferralDestination) })
export type ReferralDestinationListResponse = Static<typeof ReferralDestinationListResponse>

/** Destinations whose industries include this one (the filing hint), in their order. */
export function destinationsForIndustry<T extends { industries: readonly string[] }>(destinations: readonly T[], industry: Industry | null): T[] {
  return industry ? destinations.filter((d) => d.industries.includes(industry)) : []
}
