import { Type, type Static } from '@sinclair/typebox'
import { ADDRESS_MAX, BUSINESS_NAME_MAX, CREDIT_CODE_PATTERN, DATE_PATTERN } from './complaint-rules'
import { IndustrySchema } from './complaint'
import { CONTACT_PHONE_PATTERN, ENTERPRISE_QUERY_MAX, PROMISE_MAX, PROMISES_MAX } from './enterprise-rules'
import { PHONE_PATTERN } from './rules'

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const RegionPart = Type.String({ minLength: 1, maxLength: 20 })
export { CONTACT_PHONE_PATTERN }

export const EnterpriseSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  industry: IndustrySchema,
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  district: Nullable(Type.String()),
  address: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  odr: Type.Boolean({ description: '是否加入 ODR 绿色通道（企业先行和解）' }),
  odrSince: Nullable(Type.String({ description: '加入绿色通道的日期 YYYY-MM-DD' })),
})
export type EnterpriseSummary = Static<typeof EnterpriseSummary>

const NullableNumber = Type.Union([Type.Number(), Type.Null()])

export const EnterpriseFigures = Type.Object({
  complaintsReceived: Type.Integer(),
  /** False when fewer than FIGURES_MIN_COMPLAINTS complaints: the other figures are null and `note` says why. */
  enoughData: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
  medianFirstResponseHours: NullableNumber,
  /** Settled (resolved or mediated) out of ended complaints, 0–1; withdrawn ones do not count. */
  settlementRate: NullableNumber,
  settledCount: Type.Integer(),
  endedCount: Type.Integer(),
  /** Settlements the consumer confirmed were carried out (已收到) — settledCount is only on paper. */
  performedCount: Type.Integer(),
  /** Settlements the consumer said were not (fully) carried out, or did not confirm in time (未履行). */
  unperformedCount: Type.Integer(),
  averageRating: NullableNumber,
  ratingCount: Type.Integer(),
  definitions: Type.Object({
    complaintsReceived: Type.String(),
    medianFirstResponse: Type.String(),
    settlementRate: Type.String(),
    performance: Type.String(),
    averageRating: Type.String(),
  }),
})
export type EnterpriseFigures = Static<typeof EnterpriseFigures>

export const EnterpriseDetail = Type.Composite([
  EnterpriseSummary,
  Type.Object({
    promises: Type.Array(Type.String()),
    contactPhone: Nullable(Type.String()),
    figures: EnterpriseFigures,
  }),
])
export type EnterpriseDetail = Static<typeof EnterpriseDetail>

export const EnterpriseSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: ENTERPRISE_QUERY_MAX, description: '名称中的任意一段文字（1 个字起）' })),
    province: Type.Optional(RegionPart),
    city: Type.Optional(RegionPart),
    industry: Type.Optional(IndustrySchema),
    odr: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')], { description: '1：只看绿色通道企业；0：只看未加入的' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  },
  { additionalProperties: false },
)
export type EnterpriseSearchQuery = Static<typeof EnterpriseSearchQuery>

export const EnterpriseSearchResponse = Type.Object({
  items: Type.Array(EnterpriseSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type EnterpriseSearchResponse = Static<typeof EnterpriseSearchResponse>

const EnterpriseFields = {
  name: Type.String({ minLength: 2, maxLength: BUSINESS_NAME_MAX }),
  industry: IndustrySchema,
  creditCode: Nullable(Type.String({ pattern: CREDIT_CODE_PATTERN.source, description: '统一社会信用代码，18 位' })),
  province: Nullable(RegionPart),
  city: Nullable(RegionPart),
  district: Nullable(RegionPart),
  address: Nullable(Type.String({ maxLength: ADDRESS_MAX })),
  odr: Type.Boolean(),
  odrSince: Nullable(Type.String({ pattern: DATE_PATTERN.source })),
  promises: Type.Array(Type.String({ minLength: 1, maxLength: PROMISE_MAX }), { maxItems: PROMISES_MAX, uniqueItems: true }),
  contactPhone: Nullable(Type.String({ pattern: CONTACT_PHONE_PATTERN.source, description: '对外服务电话，如 010-65001234 或 400-800-1234' })),
}

/** POST /api/enterprises (staff). */
export const CreateEnterpriseRequest = Type.Object(
  {
    name: EnterpriseFields.name,
    industry: EnterpriseFields.industry,
    creditCode: Type.Optional(EnterpriseFields.creditCode),
    province: Type.Optional(EnterpriseFields.province),
    city: Type.Optional(EnterpriseFields.city),
    district: Type.Optional(EnterpriseFields.district),
    address: Type.Optional(EnterpriseFields.address),
    odr: Type.Optional(EnterpriseFields.odr),
    odrSince: Type.Optional(EnterpriseFields.odrSince),
    promises: Type.Optional(EnterpriseFields.promises),
    contactPhone: Type.Optional(EnterpriseFields.contactPhone),
  },
  { additionalProperties: false },
)
export type CreateEnterpriseRequest = Static<typeof CreateEnterpriseRequest>

/** PATCH /api/enterprises/:id (staff): only the fields sent change; null clears one. */
export const UpdateEnterpriseRequest = Type.Partial(CreateEnterpriseRequest, { additionalProperties: false, minProperties: 1 })
export type UpdateEnterpriseRequest = Static<typeof UpdateEnterpriseRequest>

/** POST /api/enterprises/:id/liaisons (staff): makes or binds the account of this phone. */
export const BindLiaisonRequest = Type.Object(
  {
    phone: Type.String({ pattern: PHONE_PATTERN.source, description: '联络员的手机号，用它登录' }),
    name: Type.String({ minLength: 1, maxLength: 20, description: '联络员姓名，新建账号时使用' }),
  },
  { additionalProperties: false },
)
export type BindLiaisonRequest = Static<typeof BindLiaisonRequest>

export const EnterpriseIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export type EnterpriseIdParams = Static<typeof EnterpriseIdParams>

/** GET /api/enterprises/:id/liaisons (staff): the accounts that answer for this enterprise. */
export const Liaison = Type.Object({ id: Type.String(), displayName: Type.String(), phone: Nullable(Type.String()), disabled: Type.Boolean() })
export type Liaison = Static<typeof Liaison>
export const LiaisonListResponse = Type.Object({ items: Type.Array(Liaison) })
export type LiaisonListResponse = Static<typeof LiaisonListResponse>
