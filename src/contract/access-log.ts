import { Type, type Static } from '@sinclair/typebox'

// Without TypeBox, for the app (the complaint detail's "who viewed it" list).
import { ACCESS_KINDS, type AccessKind } from './access-log-labels'

export { ACCESS_KIND_LABELS, ACCESS_KINDS, type AccessKind } from './access-log-labels'

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

export const AccessLogQuery = Type.Object(
  {
    complaintId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
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
  at: Type.String({ format: 'date-time' }),
})
export type AccessLogEntry = Static<typeof AccessLogEntry>

export const AccessLogResponse = Type.Object({
  items: Type.Array(AccessLogEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type AccessLogResponse = Static<typeof AccessLogResponse>
