import { Type, type Static } from '@sinclair/typebox'
import { INDUSTRIES, type Industry } from './complaint-rules'

/**
 * 线下无理由退货承诺 (issue #19). Online, 消费者权益保护法第二十五条 gives seven days without a reason by law;
 * in a shop it is the business's own, voluntary promise (市场监管总局答记者问, 2025-05-08), which is why a store
 * signs terms here and why a refusal is judged against the terms it signed.
 */
export const RETURN_LAW = {
  article: '《中华人民共和国消费者权益保护法》第二十五条',
  text: '经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由（定作、鲜活易腐、拆封的数字化商品、交付的报纸期刊等除外）。线下实体店的无理由退货是经营者自愿作出的承诺，按承诺内容履行。',
  sources: ['http://uianet.net/dictionary/b7840079.html', 'http://www.chenfulin.cn/zjkx/2025-5/8/251818.html'],
  /** Checked against copies of the law's text and the SAMR interview, not the official gazette. */
  verified: true,
} as const

export const RETURN_DAYS_MIN = 7
export const RETURN_DAYS_MAX = 30
export const STORE_NAME_MAX = 40
export const STORE_ADDRESS_MAX = 100
export const CONDITIONS_MAX = 300
export const EXCLUSION_NOTE_MAX = 200
export const REVOKE_REASON_MAX = 300
/** Days after a revocation before the store may sign again. */
export const RESIGN_AFTER_DAYS = 90
/** Upheld refusals within this many months that let staff revoke the badge … */
export const REFUSAL_WINDOW_MONTHS = 6
/** … and how many of them. */
export const REFUSALS_TO_REVOKE = 3
export const STORES_PAGE = 50

/** Goods a store may leave out of its promise: the four of 第二十五条, then common ones from local guidelines. */
export const RETURN_EXCLUSION_LABELS = {
  custom_made: '消费者定作的商品',
  perishable: '鲜活易腐的商品',
  digital_opened: '已拆封的音像制品、计算机软件等数字化商品',
  newspapers: '交付的报纸、期刊',
  intimate: '内衣等贴身用品',
  opened_food: '已拆封的食品、药品、化妆品',
  prepaid_cards: '购物卡、预付卡',
} as const
export type ReturnExclusion = keyof typeof RETURN_EXCLUSION_LABELS
export const RETURN_EXCLUSIONS = Object.keys(RETURN_EXCLUSION_LABELS) as ReturnExclusion[]

export const RETURN_BADGE = '线下无理由退货承诺店'

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()])
const DATE = '^\\d{4}-\\d{2}-\\d{2}$'

export const ReturnCommitmentTerms = Type.Object({
  days: Type.Integer({ minimum: RETURN_DAYS_MIN, maximum: RETURN_DAYS_MAX }),
  conditions: Type.String(),
  exclusions: Type.Array(StringEnum<ReturnExclusion>(RETURN_EXCLUSIONS)),
  exclusionNote: Nullable(Type.String()),
  startsOn: Type.String({ pattern: DATE }),
})
export type ReturnCommitmentTerms = Static<typeof ReturnCommitmentTerms>

export const SignReturnCommitmentRequest = Type.Object(
  {
    storeName: Type.String({ description: `门店名称，2–${STORE_NAME_MAX} 个字` }),
    storeAddress: Type.String({ description: `门店地址，最多 ${STORE_ADDRESS_MAX} 个字` }),
    region: Type.String({ maxLength: 60, description: '省/市/区，如 浙江省/杭州市/西湖区' }),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90, description: 'GCJ-02 纬度' }))),
    longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180, description: 'GCJ-02 经度' }))),
    days: Type.Integer({ minimum: RETURN_DAYS_MIN, maximum: RETURN_DAYS_MAX, description: `购物后几天内可无理由退货（${RETURN_DAYS_MIN}–${RETURN_DAYS_MAX}）` }),
    conditions: Type.String({ description: `退货条件，如 商品完好、凭购物小票，最多 ${CONDITIONS_MAX} 个字` }),
    exclusions: Type.Array(StringEnum<ReturnExclusion>(RETURN_EXCLUSIONS), { uniqueItems: true, maxItems: RETURN_EXCLUSIONS.length }),
    exclusionNote: Type.Optional(Type.String({ maxLength: EXCLUSION_NOTE_MAX, description: '其他不适用的商品（自由填写）' })),
    startsOn: Type.String({ pattern: DATE, description: '承诺开始日期 YYYY-MM-DD，不早于今天' }),
    /** The liaison saw the full terms and confirmed them (the app's confirmation step). */
    confirmed: Type.Literal(true),
  },
  { additionalProperties: false },
)
export type SignReturnCommitmentRequest = Static<typeof SignReturnCommitmentRequest>

export const ReturnCommitment = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  /** The enterprise's industry, prefilled as the complaint's category by 一键投诉. */
  industry: Type.Unsafe<Industry>({ type: 'string', enum: [...INDUSTRIES] }),
  /** The enterprise takes part in the ODR green channel (the filing flow offers it). */
  enterpriseOdr: Type.Boolean(),
  storeName: Type.String(),
  storeAddress: Type.String(),
  region: Type.String(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  terms: ReturnCommitmentTerms,
  status: StringEnum<'active' | 'revoked'>(['active', 'revoked']),
  signedAt: Type.String({ format: 'date-time' }),
  /** Set once staff revoked the badge: when, why (shown publicly) and from which day the store may sign again. */
  revocation: Type.Union([Type.Object({ at: Type.String({ format: 'date-time' }), reason: Type.String(), resignOn: Type.String() }), Type.Null()]),
})
export type ReturnCommitment = Static<typeof ReturnCommitment>

export const ReturnCommitmentList = Type.Object({ items: Type.Array(ReturnCommitment), nextCursor: Nullable(Type.String()) })
export type ReturnCommitmentList = Static<typeof ReturnCommitmentList>

export const ReturnCommitmentSearchQuery = Type.Object(
  {
    organizationId: Type.Optional(Type.String({ maxLength: 64, description: '地区（消协组织）：列出其及下级地区的承诺店；不填为全部' })),
    enterpriseId: Type.Optional(Type.String({ maxLength: 64, description: '只看这家企业的承诺店（含已撤销，显示撤销原因）' })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
)
export type ReturnCommitmentSearchQuery = Static<typeof ReturnCommitmentSearchQuery>

export const RecordReturnsRequest = Type.Object(
  {
    month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM，不晚于本月' }),
    returnsCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    amountFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }),
  },
  { additionalProperties: false },
)
export type RecordReturnsRequest = Static<typeof RecordReturnsRequest>

export const ReturnMonth = Type.Object({ month: Type.String(), returnsCount: Type.Integer(), amountFen: Type.Integer() })
export type ReturnMonth = Static<typeof ReturnMonth>

export const RefusalComplaint = Type.Object({
  complaintId: Type.String(),
  number: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  upheldAt: Nullable(Type.String({ format: 'date-time' })),
})
export type RefusalComplaint = Static<typeof RefusalComplaint>

/** What the association sees of one store: the commitment, returns honoured by month, refusals. */
export const StaffReturnCommitment = Type.Object({
  commitment: ReturnCommitment,
  organizationName: Type.String(),
  months: Type.Array(ReturnMonth),
  returnsCount: Type.Integer(),
  returnsAmountFen: Type.Integer(),
  refusals: Type.Array(RefusalComplaint),
  /** Refusals staff found real within the last REFUSAL_WINDOW_MONTHS months. */
  upheldRecently: Type.Integer(),
  canRevoke: Type.Boolean(),
})
export type StaffReturnCommitment = Static<typeof StaffReturnCommitment>

export const StaffReturnCommitmentList = Type.Object({ items: Type.Array(StaffReturnCommitment), nextCursor: Nullable(Type.String()) })
export type StaffReturnCommitmentList = Static<typeof StaffReturnCommitmentList>

export const RevokeReturnCommitmentRequest = Type.Object(
  { reason: Type.String({ description: `撤销理由（公开显示），5–${REVOKE_REASON_MAX} 个字` }), confirmed: Type.Literal(true) },
  { additionalProperties: false },
)
export type RevokeReturnCommitmentRequest = Static<typeof RevokeReturnCommitmentRequest>

/** The commitment attached to a complaint filed with 一键投诉, with its terms as they were that day. */
export const ComplaintReturnCommitment = Type.Object({
  commitmentId: Type.String(),
  enterpriseName: Type.String(),
  storeName: Type.String(),
  storeAddress: Type.String(),
  terms: ReturnCommitmentTerms,
  signedAt: Type.String({ format: 'date-time' }),
  upheldAt: Nullable(Type.String({ format: 'date-time' })),
})
export type ComplaintReturnCommitment = Static<typeof ComplaintReturnCommitment>

export const ComplaintReturnCommitmentAnswer = Type.Object({ commitment: Type.Union([ComplaintReturnCommitment, Type.Null()]) })
export type ComplaintReturnCommitmentAnswer = Static<typeof ComplaintReturnCommitmentAnswer>

export const CommitmentIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const ComplaintIdParams = Type.Object({ complaintId: Type.String({ minLength: 1, maxLength: 64 }) })

/** The text length the shared checks count (a Chinese character is one). */
export const textLength = (text: string) => [...text.trim()].length
