import { Type, type Static } from '@sinclair/typebox'
import { IndustrySchema } from './complaint'
import { WARNING_KINDS, type WarningKind, type WarningStatus } from './warning-kinds'

const StringEnum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) })

export const WARNING_TITLE_MAX = 60
export const WARNING_SUMMARY_MAX = 200
export const WARNING_BODY_MAX = 100_000
export const WARNING_ISSUER_MAX = 60
export const WARNING_REGIONS_MAX = 40
export const WARNING_QUERY_MIN = 2
export const WARNING_QUERY_MAX = 40
export const WARNING_PAGE_SIZE = 20
export const WARNING_RELATED_MAX = 4
export const WARNING_URGENT_BANNER_MAX = 3

export const WarningKindSchema = StringEnum<WarningKind>(WARNING_KINDS, '类型：warning 消费警示，tip 消费提示，comparison 比较试验')
export const WarningStatusSchema = StringEnum<WarningStatus>(['draft', 'published', 'archived'], '状态：草稿、已发布、已归档')
const Region = Type.String({ minLength: 1, maxLength: 20 })
const Regions = Type.Array(Region, { maxItems: WARNING_REGIONS_MAX, uniqueItems: true, description: '适用地区；空数组表示全国' })
const Page = Type.Integer({ minimum: 1, maximum: 1000, default: 1 })
const IsoTime = Type.String({ format: 'date-time' })

export const WarningSummary = Type.Object({
  id: Type.String(),
  kind: WarningKindSchema,
  title: Type.String(),
  summary: Type.String(),
  industry: IndustrySchema,
  regions: Regions,
  urgent: Type.Boolean(),
  coverUrl: Type.Union([Type.String(), Type.Null()]),
  issuer: Type.String({ description: '发布机构' }),
  publishedAt: Type.String({ description: '发布时间（ISO）' }),
  viewCount: Type.Integer(),
})
export type WarningSummary = Static<typeof WarningSummary>

export const WarningDetail = Type.Composite([
  WarningSummary,
  Type.Object({
    /** Sanitized HTML in the safe subset (p, h3, h4, ul, ol, li, strong, em, img, table, a). */
    bodyHtml: Type.String(),
    related: Type.Array(WarningSummary, { maxItems: WARNING_RELATED_MAX }),
  }),
])
export type WarningDetail = Static<typeof WarningDetail>

/** GET /api/warnings (public). */
export const WarningListQuery = Type.Object(
  {
    kind: Type.Optional(WarningKindSchema),
    industry: Type.Optional(IndustrySchema),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: '只看适用于该地区（含全国）的' })),
    page: Type.Optional(Page),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: WARNING_PAGE_SIZE })),
  },
  { additionalProperties: false },
)
export type WarningListQuery = Static<typeof WarningListQuery>

export const WarningListResponse = Type.Object({
  items: Type.Array(WarningSummary),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Count of non-pinned items matching the filters. */
  total: Type.Integer(),
  /** Urgent warnings matching the filters, on page 1 only (they are not repeated in items). */
  pinned: Type.Array(WarningSummary),
})
export type WarningListResponse = Static<typeof WarningListResponse>

export const Segment = Type.Object({ text: Type.String(), hit: Type.Boolean() })
export type Segment = Static<typeof Segment>

/** GET /api/warnings/search (public). */
export const WarningSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: WARNING_QUERY_MAX, description: `搜索词，${WARNING_QUERY_MIN}–${WARNING_QUERY_MAX} 个字` }),
    page: Type.Optional(Page),
  },
  { additionalProperties: false },
)
export type WarningSearchQuery = Static<typeof WarningSearchQuery>

export const WarningSearchHit = Type.Composite([
  WarningSummary,
  Type.Object({ highlight: Type.Object({ title: Type.Array(Segment), summary: Type.Array(Segment) }) }),
])
export type WarningSearchHit = Static<typeof WarningSearchHit>

export const WarningSearchResponse = Type.Object({
  items: Type.Array(WarningSearchHit),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type WarningSearchResponse = Static<typeof WarningSearchResponse>

export const UrgentWarningsResponse = Type.Object({ items: Type.Array(WarningSummary, { maxItems: WARNING_URGENT_BANNER_MAX }) })
export type UrgentWarningsResponse = Static<typeof UrgentWarningsResponse>

// ── staff ──

export const StaffWarning = Type.Composite([
  Type.Omit(WarningSummary, ['publishedAt']),
  Type.Object({
    status: WarningStatusSchema,
    /** Null while a draft was never scheduled; in the future = scheduled. */
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    bodyHtml: Type.String(),
    coverImageId: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    /**
     * Telling every reader about this urgent warning (one warning's page and its saves only; absent
     * in lists). Null when no such notice was queued; total is null until the first batch has run.
     */
    alertProgress: Type.Optional(
      Type.Union([
        Type.Object({ notified: Type.Integer({ minimum: 0 }), total: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]), finished: Type.Boolean() }),
        Type.Null(),
      ]),
    ),
  }),
])
export type StaffWarning = Static<typeof StaffWarning>
export type WarningAlertProgress = NonNullable<StaffWarning['alertProgress']>

/** GET /api/staff/warnings (staff). */
export const StaffWarningListQuery = Type.Object(
  {
    status: Type.Optional(WarningStatusSchema),
    q: Type.Optional(Type.String({ maxLength: WARNING_QUERY_MAX, description: '标题中的文字' })),
    page: Type.Optional(Page),
  },
  { additionalProperties: false },
)
export type StaffWarningListQuery = Static<typeof StaffWarningListQuery>

export const StaffWarningListResponse = Type.Object({
  items: Type.Array(StaffWarning),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type StaffWarningListResponse = Static<typeof StaffWarningListResponse>

const WarningFields = {
  kind: WarningKindSchema,
  // Lengths of free text are checked after trimming by the service (Chinese messages), not here.
  title: Type.String({ maxLength: WARNING_TITLE_MAX + 20 }),
  summary: Type.String({ maxLength: WARNING_SUMMARY_MAX + 20 }),
  bodyHtml: Type.String({ maxLength: WARNING_BODY_MAX }),
  industry: IndustrySchema,
  regions: Regions,
  urgent: Type.Boolean(),
  coverImageId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
  issuer: Type.String({ maxLength: WARNING_ISSUER_MAX + 20 }),
  publishAt: Type.Union([IsoTime, Type.Null()], { description: '计划发布时间；已发布的警示改这个时间即改发布时间' }),
}

/** POST /api/staff/warnings (staff): creates a draft. */
export const CreateWarningRequest = Type.Object(
  {
    kind: WarningFields.kind,
    title: WarningFields.title,
    summary: WarningFields.summary,
    bodyHtml: WarningFields.bodyHtml,
    industry: WarningFields.industry,
    regions: Type.Optional(WarningFields.regions),
    urgent: Type.Optional(WarningFields.urgent),
    coverImageId: Type.Optional(WarningFields.coverImageId),
    issuer: WarningFields.issuer,
    publishAt: Type.Optional(WarningFields.publishAt),
  },
  { additionalProperties: false },
)
export type CreateWarningRequest = Static<typeof CreateWarningRequest>

/** PATCH /api/staff/warnings/:id (staff): only the fields sent change. */
export const UpdateWarningRequest = Type.Partial(CreateWarningRequest, { additionalProperties: false, minProperties: 1 })
export type UpdateWarningRequest = Static<typeof UpdateWarningRequest>

export const StaffWarningSaveResponse = Type.Object({ warning: StaffWarning, sanitizedHtml: Type.String() })
export type StaffWarningSaveResponse = Static<typeof StaffWarningSaveResponse>

/** POST /api/staff/warnings/:id/publish (staff): publishAt in the future schedules it. */
export const PublishWarningRequest = Type.Object({ publishAt: Type.Optional(IsoTime) }, { additionalProperties: false })
export type PublishWarningRequest = Static<typeof PublishWarningRequest>

/** POST /api/staff/warnings/preview (staff). */
export const WarningPreviewRequest = Type.Object({ bodyHtml: Type.String({ maxLength: WARNING_BODY_MAX }) }, { additionalProperties: false })
export const WarningPreviewResponse = Type.Object({ bodyHtml: Type.String() })
export type WarningPreviewResponse = Static<typeof WarningPreviewResponse>

/** POST /api/staff/warning-images (staff, multipart `file`): a public, metadata-free display copy. */
export const WarningImage = Type.Object({ id: Type.String(), url: Type.String(), width: Type.Integer(), height: Type.Integer() })
export type WarningImage = Static<typeof WarningImage>
