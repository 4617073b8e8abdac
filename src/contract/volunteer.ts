import { Type, type Static } from '@sinclair/typebox'
import {
  DECISION_NOTE_MAX,
  VOLUNTEER_APPLICATION_STATUSES,
  VOLUNTEER_MOTIVATION_MAX,
  VOLUNTEER_NAME_MAX,
  VOLUNTEER_REGION_MAX,
  type VolunteerApplicationStatus,
} from './field-report-rules'
import { PHONE_PATTERN } from './rules'

// Labels and limits live in field-report-rules.ts, which the app may import at runtime.
export * from './field-report-rules'

const StringEnum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) })
const Id = Type.String({ minLength: 1, maxLength: 64 })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

/** POST /api/volunteer-applications (consumer): one pending application at a time, else 409. */
export const CreateVolunteerApplicationRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: VOLUNTEER_NAME_MAX, description: '真实姓名' }),
    region: Type.String({ minLength: 1, maxLength: VOLUNTEER_REGION_MAX, description: '常住地区，如 内蒙古/锡林郭勒盟' }),
    phone: Type.String({ pattern: PHONE_PATTERN.source }),
    motivation: Type.String({ minLength: 1, maxLength: VOLUNTEER_MOTIVATION_MAX, description: '为什么想当志愿者（简短）' }),
  },
  { additionalProperties: false },
)
export type CreateVolunteerApplicationRequest = Static<typeof CreateVolunteerApplicationRequest>

/** Seen only by the applicant and by staff, so the phone is shown in full. */
export const VolunteerApplication = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  region: Type.String(),
  phone: Type.String(),
  motivation: Type.String(),
  status: StringEnum<VolunteerApplicationStatus>(VOLUNTEER_APPLICATION_STATUSES),
  decisionNote: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
})
export type VolunteerApplication = Static<typeof VolunteerApplication>

/** GET /api/volunteer-applications/mine: the latest application, or null when there is none. */
export const MyVolunteerApplicationResponse = Type.Union([VolunteerApplication, Type.Null()])
export type MyVolunteerApplicationResponse = Static<typeof MyVolunteerApplicationResponse>

export const StaffVolunteerApplicationsQuery = Type.Object(
  { status: Type.Optional(StringEnum<VolunteerApplicationStatus>(VOLUNTEER_APPLICATION_STATUSES)) },
  { additionalProperties: false },
)
export type StaffVolunteerApplicationsQuery = Static<typeof StaffVolunteerApplicationsQuery>

/** Newest first, at most 200. */
export const VolunteerApplicationListResponse = Type.Object({ items: Type.Array(VolunteerApplication) })
export type VolunteerApplicationListResponse = Static<typeof VolunteerApplicationListResponse>

export const ApproveApplicationRequest = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: DECISION_NOTE_MAX })) },
  { additionalProperties: false },
)
export type ApproveApplicationRequest = Static<typeof ApproveApplicationRequest>

/** Declining and revoking need a reason the volunteer will read. */
export const DecisionWithNoteRequest = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: DECISION_NOTE_MAX }) },
  { additionalProperties: false },
)
export type DecisionWithNoteRequest = Static<typeof DecisionWithNoteRequest>

export const ApplicationIdParams = Type.Object({ id: Id })
export type ApplicationIdParams = Static<typeof ApplicationIdParams>
export const VolunteerUserParams = Type.Object({ userId: Id })
export type VolunteerUserParams = Static<typeof VolunteerUserParams>
