import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { DATE_PATTERN } from './complaint-rules'
import {
  DECISION_NOTE_MAX,
  FIELD_REPORT_ADDRESS_MAX,
  FIELD_REPORT_BUSINESS_NAME_MAX,
  FIELD_REPORT_CATEGORIES,
  FIELD_REPORT_MAX_PHOTOS,
  FIELD_REPORT_NOTES_MAX,
  FIELD_REPORT_REGION_MAX,
  FIELD_REPORT_STATUSES,
  type FieldReportCategory,
  type FieldReportStatus,
} from './field-report-rules'

// Labels and limits live in field-report-rules.ts, which the app may import at runtime.
export * from './field-report-rules'

const StringEnum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) })
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Id = Type.String({ minLength: 1, maxLength: 64 })
const DateTime = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) })

export const FieldReportCategorySchema = StringEnum<FieldReportCategory>(FIELD_REPORT_CATEGORIES, '问题类别')
export const FieldReportStatusSchema = StringEnum<FieldReportStatus>(FIELD_REPORT_STATUSES)

// Coordinates out of range answer COORDINATES_OUT_OF_RANGE (checked in the service, not by the schema).
const Latitude = Type.Number({ description: '纬度，-90 到 90（WGS-84 或 GCJ-02，按设备返回）' })
const Longitude = Type.Number({ description: '经度，-180 到 180' })
const Accuracy = Type.Number({ minimum: 0, maximum: 1_000_000, description: '定位精度，米' })

export const FieldReportLocation = Type.Object(
  { latitude: Latitude, longitude: Longitude, accuracy: Accuracy },
  { additionalProperties: false },
)
export type FieldReportLocation = Static<typeof FieldReportLocation>

/** A photo already uploaded with POST /api/evidence, with what the device knew when it was taken. */
export const FieldReportPhotoInput = Type.Object(
  {
    evidenceId: Id,
    capturedAt: Type.Optional(DateTime('设备拍摄时间')),
    latitude: Type.Optional(Latitude),
    longitude: Type.Optional(Longitude),
    accuracy: Type.Optional(Accuracy),
  },
  { additionalProperties: false },
)
export type FieldReportPhotoInput = Static<typeof FieldReportPhotoInput>

/**
 * POST /api/field-reports (volunteer). The same clientId with the same content answers 200 with the
 * existing report; with different content 409 FIELD_REPORT_CLIENT_ID_REUSED.
 */
export const CreateFieldReportRequest = Type.Object(
  {
    clientId: Type.String({ format: 'uuid', description: '设备生成的报告编号（UUID），重发时不变' }),
    category: FieldReportCategorySchema,
    businessName: Type.String({ minLength: 1, maxLength: FIELD_REPORT_BUSINESS_NAME_MAX }),
    businessAddress: Type.Optional(Type.String({ maxLength: FIELD_REPORT_ADDRESS_MAX })),
    region: Type.Optional(Type.String({ maxLength: FIELD_REPORT_REGION_MAX, description: '省/市/区，如 内蒙古/锡林郭勒盟/正蓝旗' })),
    location: Nullable(FieldReportLocation),
    manualAddress: Type.Optional(Type.String({ maxLength: FIELD_REPORT_ADDRESS_MAX, description: '没有定位时手动填写的地点' })),
    observedAt: DateTime('发现时间，不晚于现在（允许设备时钟快 5 分钟）'),
    notes: Type.Optional(Type.String({ maxLength: FIELD_REPORT_NOTES_MAX })),
    photos: Type.Array(FieldReportPhotoInput, {
      description: `最多 ${FIELD_REPORT_MAX_PHOTOS} 张（多了答复 TOO_MANY_PHOTOS）；没有照片时必须写说明`,
    }),
  },
  { additionalProperties: false },
)
export type CreateFieldReportRequest = Static<typeof CreateFieldReportRequest>

export const FieldReportPhoto = Type.Object({
  evidenceId: Type.String(),
  capturedAt: Nullable(DateTime()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  accuracy: Nullable(Type.Number()),
  /** Short-lived signed URLs of the metadata-free copies. */
  thumbnailUrl: Type.String(),
  displayUrl: Type.String(),
})
export type FieldReportPhoto = Static<typeof FieldReportPhoto>

/** Seen by the volunteer who filed it and by staff only. */
export const FieldReport = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  category: FieldReportCategorySchema,
  status: FieldReportStatusSchema,
  businessName: Type.String(),
  businessAddress: Nullable(Type.String()),
  region: Nullable(Type.String()),
  location: Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number(), accuracy: Type.Number() })),
  manualAddress: Nullable(Type.String()),
  observedAt: DateTime(),
  notes: Nullable(Type.String()),
  photos: Type.Array(FieldReportPhoto),
  reviewNote: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime()),
  complaintId: Nullable(Type.String()),
  warningId: Nullable(Type.String()),
  createdAt: DateTime(),
})
export type FieldReport = Static<typeof FieldReport>

export const MyFieldReportsQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type MyFieldReportsQuery = Static<typeof MyFieldReportsQuery>

/** Newest first (by upload time). */
export const FieldReportListResponse = Type.Object({ items: Type.Array(FieldReport), nextCursor: Nullable(Type.String()) })
export type FieldReportListResponse = Static<typeof FieldReportListResponse>

const ChinaDate = (description: string) => Type.String({ pattern: DATE_PATTERN.source, description })

/** GET /api/staff/field-reports and /api/staff/field-reports.csv. Dates filter the observed time. */
export const StaffFieldReportsQuery = Type.Object(
  {
    category: Type.Optional(FieldReportCategorySchema),
    status: Type.Optional(FieldReportStatusSchema),
    region: Type.Optional(Type.String({ maxLength: FIELD_REPORT_REGION_MAX, description: '地区前缀，如 内蒙古 匹配 内蒙古/锡林郭勒盟' })),
    from: Type.Optional(ChinaDate('发现日期起 YYYY-MM-DD（北京时间，含当天）')),
    to: Type.Optional(ChinaDate('发现日期止 YYYY-MM-DD（北京时间，含当天）')),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  },
  { additionalProperties: false },
)
export type StaffFieldReportsQuery = Static<typeof StaffFieldReportsQuery>

export const FieldReportVolunteer = Type.Object({ id: Type.String(), name: Type.String(), phone: Nullable(Type.String()) })
export type FieldReportVolunteer = Static<typeof FieldReportVolunteer>

/** A report as staff see it: with who filed it. */
export const StaffFieldReport = Type.Composite([FieldReport, Type.Object({ volunteer: FieldReportVolunteer })])
export type StaffFieldReport = Static<typeof StaffFieldReport>

export const StaffFieldReportListResponse = Type.Object({ items: Type.Array(StaffFieldReport), nextCursor: Nullable(Type.String()) })
export type StaffFieldReportListResponse = Static<typeof StaffFieldReportListResponse>

export const ReviewNoteRequest = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: DECISION_NOTE_MAX })) },
  { additionalProperties: false },
)
export type ReviewNoteRequest = Static<typeof ReviewNoteRequest>

/** Dismissing needs a reason the volunteer will read. */
export const DismissFieldReportRequest = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: DECISION_NOTE_MAX }) },
  { additionalProperties: false },
)
export type DismissFieldReportRequest = Static<typeof DismissFieldReportRequest>

export const ConvertToComplaintResponse = Type.Object({ complaintId: Type.String() })
export type ConvertToComplaintResponse = Static<typeof ConvertToComplaintResponse>
export const ConvertToWarningResponse = Type.Object({ warningId: Type.String() })
export type ConvertToWarningResponse = Static<typeof ConvertToWarningResponse>

export const FieldReportIdParams = Type.Object({ id: Id })
export type FieldReportIdParams = Static<typeof FieldReportIdParams>
