import { Type, type Static } from '@sinclair/typebox'
import { PHONE_PATTERN, SMS_CODE_PATTERN } from './rules'
import { ALL_ROLES } from './roles'

const Phone = Type.String({ pattern: PHONE_PATTERN.source, description: '中国大陆 11 位手机号' })

export const SmsCodeRequest = Type.Object({ phone: Phone }, { additionalProperties: false })
export type SmsCodeRequest = Static<typeof SmsCodeRequest>

export const SmsCodeResponse = Type.Object({
  sent: Type.Boolean(),
  resendAfterSeconds: Type.Integer(),
})
export type SmsCodeResponse = Static<typeof SmsCodeResponse>

export const PhoneLoginRequest = Type.Object(
  { phone: Phone, code: Type.String({ pattern: SMS_CODE_PATTERN.source }) },
  { additionalProperties: false },
)
export type PhoneLoginRequest = Static<typeof PhoneLoginRequest>

export const WechatLoginRequest = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
)
export type WechatLoginRequest = Static<typeof WechatLoginRequest>

export const RefreshRequest = Type.Object(
  { refreshToken: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
)
export type RefreshRequest = Static<typeof RefreshRequest>

export const RoleSchema = Type.Unsafe<(typeof ALL_ROLES)[number]>({ type: 'string', enum: [...ALL_ROLES] })

export const UserProfile = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  phone: Type.Union([Type.String(), Type.Null()], { description: '本人手机号（完整）' }),
  displayName: Type.String(),
  enterprise: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
})
export type UserProfile = Static<typeof UserProfile>

export const Session = Type.Object({
  accessToken: Type.String(),
  accessTokenExpiresAt: Type.String({ format: 'date-time' }),
  refreshToken: Type.String(),
  user: UserProfile,
  /** This login cancelled the account's pending deletion (注销): the app says so. */
  deletionCancelled: Type.Optional(Type.Boolean()),
})
export type Session = Static<typeof Session>

export const OkResponse = Type.Object({ ok: Type.Literal(true) })
export type OkResponse = Static<typeof OkResponse>

export const UserListQuery = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  },
  { additionalProperties: false },
)
export type UserListQuery = Static<typeof UserListQuery>

export const UserListResponse = Type.Object({
  items: Type.Array(UserProfile),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type UserListResponse = Static<typeof UserListResponse>
