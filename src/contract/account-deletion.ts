import { Type, type Static } from '@sinclair/typebox'

/**
 * Deleting one's own account (注销, PIPL art. 47): requested with an SMS code, cancellable during the
 * cool-off (by logging in again or 撤销注销), then completed by a job. The app imports only types from here.
 */
export const ACCOUNT_DELETION_STATES = ['pending', 'cancelled', 'completed'] as const
export type AccountDeletionState = (typeof ACCOUNT_DELETION_STATES)[number]

/** The promise to the person: completed at the latest this many China working days after the request. */
export const ACCOUNT_DELETION_WORKING_DAYS = 15

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })

export const AccountDeletionRequestView = Type.Object({
  status: StringEnum<AccountDeletionState>(ACCOUNT_DELETION_STATES),
  requestedAt: Type.String({ format: 'date-time' }),
  coolOffEndsAt: Type.String({ format: 'date-time', description: '冷静期结束时间：此前登录或撤销都会取消注销' }),
  dueAt: Type.String({ format: 'date-time', description: `最迟完成时间（申请后 ${ACCOUNT_DELETION_WORKING_DAYS} 个工作日）` }),
  cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  cancelledBy: Type.Union([StringEnum<'login' | 'button'>(['login', 'button']), Type.Null()]),
})
export type AccountDeletionRequestView = Static<typeof AccountDeletionRequestView>

/** GET /api/account/deletion — what deleting would do to this account, and the latest request. */
export const AccountDeletionStatus = Type.Object({
  request: Type.Union([AccountDeletionRequestView, Type.Null()]),
  coolOffDays: Type.Integer({ minimum: 1 }),
  workingDays: Type.Integer({ minimum: 1 }),
  /** Complaints still in handling: kept (with the consumer shown as a pseudonym) until they close. */
  openComplaints: Type.Integer({ minimum: 0 }),
  closedComplaints: Type.Integer({ minimum: 0 }),
  fieldReports: Type.Integer({ minimum: 0 }),
  /** Only an account with a phone can confirm with an SMS code. */
  hasPhone: Type.Boolean(),
  /** Staff and liaison accounts are closed by the association's admin, not here. */
  allowed: Type.Boolean(),
})
export type AccountDeletionStatus = Static<typeof AccountDeletionStatus>

/** POST /api/account/deletion — confirmed with the code just sent to the account's own phone. */
export const AccountDeletionCreate = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$', description: '发送到本账号手机号的 6 位验证码' }) },
  { additionalProperties: false },
)
export type AccountDeletionCreate = Static<typeof AccountDeletionCreate>
