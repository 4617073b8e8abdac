import { Type, type Static } from '@sinclair/typebox'

// Without TypeBox, for the app (the complaint detail's "who viewed it" list).
import { ACCESS_KINDS, type AccessKind } from './access-log-labels'

export { ACCESS_KIND_LABELS, ACCESS_KINDS, type AccessKind } from './access-log-labels'

/** What was read, as the staff access log says it. */
export const ACCESS_KIND_STAFF_LABELS: Record<AccessKind, string> = {
  phone: '手机号',
  detail: '投诉详情（手机号已隐藏）',
  original_photo: '原图',
  export: '导出',
}

/** The association's name as shown to consumers, until organizations exist. */
export const ASSOCIATION_NAME = '消费者协会'

const AccessKindSchema = Type.Unsafe<AccessKind>({ type: 'string', enum: [...ACCESS_KINDS] })

/** "谁查看过": what the consumer sees of each read of their complaint — a role and an organization, never a person. */
export const ComplaintViewer = Type.Object({
  roleLabel: Type.String({ description: '如 消协工作人员、企业联络员' }),
  organization: Type.String({ description: '消费者协会，或企业名称' }),
  what: AccessKindSchema,
  at: Type.String({ format: 'date-time' }),
})
export type ComplaintViewer = Static<typeof ComplaintViewer>

const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '中国日期 YYYY-MM-DD' })

export const AccessLogQuery = Type.Object(
  {
    complaintId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** The complaint's number as staff read it off the case (e.g. WQ20261203…); an unknown number finds nothing. */
    complaintNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Who read: a staff member, a liaison, or a consumer (their own export). */
    actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** First and last China calendar day, both included. */
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
)
export type AccessLogQuery = Static<typeof AccessLogQuery>

export const AccessLogEntry = Type.Object({
  id: Type.String(),
  actorId: Type.String(),
  actorName: Type.String(),
  actorRole: Type.String(),
  organizationId: Type.Union([Type.String(), Type.Null()]),
  organization: Type.String(),
  what: AccessKindSchema,
  complaintId: Type.Union([Type.String(), Type.Null()]),
  complaintNumber: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
})
export type AccessLogEntry = Static<typeof AccessLogEntry>

export const AccessLogResponse = Type.Object({
  items: Type.Array(AccessLogEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type AccessLogResponse = Static<typeof AccessLogResponse>
