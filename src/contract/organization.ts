import { Type, type Static } from '@sinclair/typebox'
import { MOVE_EVENT_LABELS } from './complaint-moves'
import type { RuleSetFamily } from './rule-text'

/** The levels of the consumer association network (消费者协会/消费者权益保护委员会). */
export const OrganizationLevel = { Province: 'province', City: 'city', County: 'county' } as const
export type OrganizationLevel = (typeof OrganizationLevel)[keyof typeof OrganizationLevel]
export const ORGANIZATION_LEVELS = Object.values(OrganizationLevel)
export const ORGANIZATION_LEVEL_LABELS: Record<OrganizationLevel, string> = { province: '省级', city: '市级', county: '县级' }

/** How a case moves between organizations: 移送 to any other, 交办 down to a child, 提级 up to the parent, 联盟移送 to an alliance partner (the sender keeps reading it). */
export const TransferKind = { Transfer: 'transfer', HandDown: 'hand_down', TakeUp: 'take_up', Alliance: 'alliance' } as const
export type TransferKind = (typeof TransferKind)[keyof typeof TransferKind]
export const TRANSFER_KINDS = Object.values(TransferKind)
export const TRANSFER_LABELS: Record<TransferKind, string> = MOVE_EVENT_LABELS

export const REASON_MAX = 500

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })
const Id = Type.String({ minLength: 1, maxLength: 64 })

export const OrganizationRef = Type.Object({ id: Type.String(), name: Type.String() })
export type OrganizationRef = Static<typeof OrganizationRef>

export const Organization = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: StringEnum<OrganizationLevel>(ORGANIZATION_LEVELS),
  regionCode: Type.Union([Type.String(), Type.Null()], { description: 'GB/T 2260 行政区划代码：省 2 位、市 4 位、县 6 位' }),
  parentId: Type.Union([Type.String(), Type.Null()]),
  depth: Type.Integer({ minimum: 0 }),
})
export type Organization = Static<typeof Organization>

export const OrganizationList = Type.Object({ items: Type.Array(Organization) })
export type OrganizationList = Static<typeof OrganizationList>

/** The caller's own organization and what the caller may do there. */
export const MyOrganization = Type.Object({
  organization: Organization,
  canManage: Type.Boolean(),
  canMediate: Type.Boolean(),
  /** The rules complaints received here are filed under: the organization's choice, an ancestor's, or the deployment's. */
  ruleFamily: Type.Unsafe<RuleSetFamily>({ type: 'string', enum: ['samr', 'association'] }),
})
export type MyOrganization = Static<typeof MyOrganization>

export const TransferRequest = Type.Object(
  {
    toOrganizationId: Id,
    reason: Type.String({ minLength: 1, maxLength: REASON_MAX, pattern: '\\S', description: '移送、交办或提级的理由，会告知消费者' }),
  },
  { additionalProperties: false },
)
export type TransferRequest = Static<typeof TransferRequest>

export const TransferKindParams = Type.Object({
  id: Id,
  kind: StringEnum<TransferKind>(TRANSFER_KINDS),
})

export const CreateOrganizationRequest = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 60, pattern: '\\S' }),
    level: StringEnum<OrganizationLevel>(ORGANIZATION_LEVELS),
    regionCode: Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6})$' }),
    parentId: Id,
  },
  { additionalProperties: false },
)
export type CreateOrganizationRequest = Static<typeof CreateOrganizationRequest>

/** The consumer's sentence about a move, also used as the timeline note. */
export function transferSentence(kind: TransferKind, to: string, reason: string): string {
  const verb = kind === 'transfer' || kind === 'alliance' ? '移送至' : kind === 'hand_down' ? '交办给' : '提级至'
  return `您的投诉已${verb}${to}，原因：${reason}`
}
