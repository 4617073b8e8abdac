import { randomUUID } from 'node:crypto'
import {
  ACCOUNT_DELETION_WORKING_DAYS,
  type AccountDeletionRequestView,
  type AccountDeletionStatus,
} from '../../../../src/contract/account-deletion'
import { chinaDateTime } from '../../china-time'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/database'
import { AppError } from '../../errors'
import { requestSmsCode, useSmsCode, type AuthUser } from '../auth/auth.service'
import { notify } from '../notifications/notify'
import { findUserById } from '../users/user.repository'
import { addWorkingDays } from '../workflow/working-days'
import { ACCOUNT_DELETION_PAGE, cancelPendingDeletion } from './account-deletion-cancel'
import { countComplaintsOf, countFieldReportsOf, findLatestDeletion, insertDeletion } from './account-deletion.repository'

const DAY = 86400_000

/** Staff and liaison accounts belong to their organization; its admin closes them. */
function mayDeleteOwnAccount(user: AuthUser) {
  return user.role === 'consumer' || user.role === 'volunteer'
}

async function ownAccount(ctx: AppContext, user: AuthUser) {
  const row = await findUserById(ctx.db, user.id)
  if (!row) throw new AppError(401, 'TOKEN_INVALID')
  return row
}

type DeletionRow = NonNullable<Awaited<ReturnType<typeof findLatestDeletion>>>

function toView(row: DeletionRow): AccountDeletionRequestView {
  return {
    status: row.status,
    requestedAt: row.requested_at,
    coolOffEndsAt: row.cool_off_ends_at,
    dueAt: row.due_at,
    cancelledAt: row.cancelled_at,
    cancelledBy: row.cancelled_by,
  }
}

export async function deletionStatus(ctx: AppContext, user: AuthUser): Promise<AccountDeletionStatus> {
  const account = await ownAccount(ctx, user)
  const [latest, complaints, fieldReports] = await Promise.all([
    findLatestDeletion(ctx.db, user.id),
    countComplaintsOf(ctx.db, user.id),
    countFieldReportsOf(ctx.db, user.id),
  ])
  return {
    request: latest ? toView(latest) : null,
    coolOffDays: ctx.config.accountDeletion.coolOffDays,
    workingDays: ACCOUNT_DELETION_WORKING_DAYS,
    openComplaints: complaints.open,
    closedComplaints: complaints.closed,
    fieldReports,
    hasPhone: account.phone !== null,
    allowed: mayDeleteOwnAccount(user),
  }
}

async function deletablePhone(ctx: AppContext, user: AuthUser): Promise<string> {
  if (!mayDeleteOwnAccount(user)) throw new AppError(403, 'ACCOUNT_DELETION_NOT_ALLOWED')
  const account = await ownAccount(ctx, user)
  if (!account.phone) throw new AppError(400, 'ACCOUNT_DELETION_NEEDS_PHONE')
  return account.phone
}

const DELETION = { purpose: 'account_deletion', subject: null } as const

/** The code goes to the account's own phone, never to a number the caller names. */
export async function sendDeletionCode(ctx: AppContext, user: AuthUser, ip: string) {
  return requestSmsCode(ctx, await deletablePhone(ctx, user), ip, DELETION)
}

export async function requestDeletion(ctx: AppContext, user: AuthUser, code: string): Promise<AccountDeletionStatus> {
  const phone = await deletablePhone(ctx, user)
  if ((await findLatestDeletion(ctx.db, user.id))?.status === 'pending') throw new AppError(409, 'ACCOUNT_DELETION_PENDING')
  await useSmsCode(ctx, phone, code, DELETION)
  const now = ctx.now()
  const id = randomUUID()
  const coolOffEndsAt = new Date(now.getTime() + ctx.config.accountDeletion.coolOffDays * DAY).toISOString()
  const dueAt = addWorkingDays(now, ACCOUNT_DELETION_WORKING_DAYS).toISOString()
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertDeletion(trx, { id, userId: user.id, requestedAt: now.toISOString(), coolOffEndsAt, dueAt })
      await notify(trx, {
        recipientId: user.id,
        type: 'account_status',
        title: '已收到您的注销申请',
        body: `冷静期到 ${chinaDateTime(coolOffEndsAt)}，期间重新登录或点“撤销注销”即可取消；之后账号将被注销，最迟 ${chinaDateTime(dueAt).slice(0, 10)} 完成。`,
        link: ACCOUNT_DELETION_PAGE,
        sourceKey: `account-deletion:${id}:requested`,
        now,
      })
    })
  } catch (error) {
    // Two confirmations at once: the one-pending index lets the first in.
    if (isUniqueViolation(error)) throw new AppError(409, 'ACCOUNT_DELETION_PENDING')
    throw error
  }
  return deletionStatus(ctx, user)
}

export async function cancelDeletion(ctx: AppContext, user: AuthUser): Promise<AccountDeletionStatus> {
  if (!mayDeleteOwnAccount(user)) throw new AppError(403, 'ACCOUNT_DELETION_NOT_ALLOWED')
  if (!(await cancelPendingDeletion(ctx, user.id, 'button'))) throw new AppError(409, 'ACCOUNT_DELETION_NOT_PENDING')
  return deletionStatus(ctx, user)
}
