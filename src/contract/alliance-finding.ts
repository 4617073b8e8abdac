import { Type, type Static } from '@sinclair/typebox'
import { Alliance } from './alliance'
import { AMOUNT_MAX_FEN, BUSINESS_NAME_MAX, REGION_MAX } from './complaint-rules'
import type { GroupStatus } from './complaint-group'
import { OrganizationRef } from './organization'

/**
 * Findings shared across an alliance (联盟共享发现): a member tells its partners about a business and
 * a pattern it has seen, so that a neighbouring city meeting the same business knows at once.
 */
export const FINDING_PATTERN_MAX = 300
export const FINDING_COUNT_MAX = 100_000

const Id = Type.String({ minLength: 1, maxLength: 64 })
const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })

export const FindingBusiness = Type.Object(
  {
    enterpriseId: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: BUSINESS_NAME_MAX, pattern: '\\S', description: '商家名称（名录企业以名录为准）' }),
    region: Type.Optional(Type.String({ maxLength: REGION_MAX, description: '省/市/区，如 江苏省/苏州市/姑苏区；不在名录里的商家必填' })),
  },
  { additionalProperties: false },
)

export const PublishFindingRequest = Type.Object(
  {
    /** Absent: the business of the linked group complaint. */
    business: Type.Optional(FindingBusiness),
    pattern: Type.String({ minLength: 1, maxLength: FINDING_PATTERN_MAX, pattern: '\\S', description: '发现的问题，简短说明手法、时间和范围' }),
    complaintCount: Type.Integer({ minimum: 1, maximum: FINDING_COUNT_MAX, description: '本会收到的相关投诉件数' }),
    amountFen: Type.Optional(Type.Integer({ minimum: 0, maximum: AMOUNT_MAX_FEN, description: '涉及金额合计（分）' })),
    groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '本会（含下级）督办的集体投诉' })),
    warningId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '已发布的消费警示' })),
  },
  { additionalProperties: false },
)
export type PublishFindingRequest = Static<typeof PublishFindingRequest>

export const AllianceFinding = Type.Object({
  id: Type.String(),
  alliance: Type.Object({ id: Type.String(), name: Type.String() }),
  organization: OrganizationRef,
  business: Type.Object({ name: Type.String(), enterpriseId: Type.Union([Type.String(), Type.Null()]), region: Type.Union([Type.String(), Type.Null()]) }),
  pattern: Type.String(),
  complaintCount: Type.Integer(),
  amountFen: Type.Union([Type.Integer(), Type.Null()]),
  /** The publisher's group complaint: only its size and progress, its cases stay with the publisher. */
  group: Type.Union([Type.Object({ id: Type.String(), status: StringEnum<GroupStatus>(['open', 'closed']), memberCount: Type.Integer() }), Type.Null()]),
  warning: Type.Union([Type.Object({ id: Type.String(), title: Type.String() }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  /** Published by the caller's own organization. */
  mine: Type.Boolean(),
})
export type AllianceFinding = Static<typeof AllianceFinding>

export const FindingFeedQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false })
export const FindingFeed = Type.Object({ alliance: Alliance, items: Type.Array(AllianceFinding), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type FindingFeed = Static<typeof FindingFeed>

/** 联盟成员已发现: findings about the business of a case or group, from the caller's alliances. */
export const MatchingFindings = Type.Object({ items: Type.Array(AllianceFinding) })
export type MatchingFindings = Static<typeof MatchingFindings>
