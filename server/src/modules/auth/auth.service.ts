import { randomInt, randomUUID } from 'node:crypto'
import type { Session } from '../../../../src/contract/auth'
import { AppError } from '../../errors'
import type { Config } from '../../config'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { WechatError } from '../../adapters/wechat'
import { findOrCreateUserByOpenid, findOrCreateUserByPhone, type UserRow } from '../users/user.repository'
import { toUserProfile } from '../users/user.service'
import * as codes from './sms-code.repository'
import * as sessions from './session.repository'
import { cancelPendingDeletion } from '../privacy/account-deletion-cancel'
import { hashSecret, newRefreshToken, nextRefreshToken, signAccessToken, verifyAccessToken } from './tokens'

const MAX_CODE_ATTEMPTS = 5
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** How long the token just rotated away still answers with the pair it was exchanged for. */
export const REFRESH_GRACE_MS = 30_000

const iso = (date: Date) => date.toISOString()
const ago = (now: Date, ms: number) => iso(new Date(now.getTime() - ms))

const LOGIN: codes.CodeScope = { purpose: 'login', subject: null }

/** Sends a code that confirms `scope` only: a consent or signing code can never log anybody in. */
export async function requestSmsCode(ctx: AppContext, phone: string, ip: string, scope: codes.CodeScope = LOGIN) {
  const { config } = ctx
  const now = ctx.now()
  const limits = config.sms
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    await codes.lockSmsLimits(trx, ctx.dialect, phone, ip)
    const { refusal, phoneToday } = await checkSmsLimits(trx, limits, phone, ip, now)
    if (refusal) return { refusal }
    const id = await codes.insertCode(trx, {
      phone,
      ip,
      ...scope,
      codeHash: hashSecret(code, phone + config.tokenSecret),
      createdAt: iso(now),
      expiresAt: iso(new Date(now.getTime() + limits.codeTtlSeconds * 1000)),
    })
    return { id, phoneToday: phoneToday + 1 }
  })
  if ('refusal' in claimed) throw claimed.refusal
  try {
    await ctx.sms.sendLoginCode(phone, code, Math.round(limits.codeTtlSeconds / 60), scope.purpose)
  } catch (error) {
    // A code that never reached the phone must not count against its limits.
    await codes.deleteCode(ctx.db, claimed.id)
    throw Object.assign(new AppError(502, 'SMS_SEND_FAILED'), { cause: error })
  }
  const slowed = claimed.phoneToday >= limits.phonePerDay
  // Same answer whether or not the phone has an account: registration is not revealed.
  return { sent: true, resendAfterSeconds: slowed ? limits.phoneSlowMinutes * 60 : Math.ceil(60 / limits.phonePerMinute) }
}

async function checkSmsLimits(db: Db, limits: Config['sms'], phone: string, ip: string, now: Date) {
  const phoneToday = await codes.countCodesSince(db, { phone }, ago(now, DAY))
  const refuse = (refusal: AppError) => ({ refusal, phoneToday })
  if ((await codes.countCodesSince(db, { phone }, ago(now, MINUTE))) >= limits.phonePerMinute) {
    return refuse(new AppError(429, 'SMS_TOO_FREQUENT'))
  }
  // Past the daily cap a phone is slowed down, not banned: otherwise anyone could lock a stranger out
  // of SMS login for a day with ten requests. The cost stays bounded (cap + one per interval).
  if (phoneToday >= limits.phonePerDay && (await codes.countCodesSince(db, { phone }, ago(now, limits.phoneSlowMinutes * MINUTE))) > 0) {
    return refuse(new AppError(429, 'SMS_DAILY_LIMIT', `今天获取验证码的次数较多，每 ${limits.phoneSlowMinutes} 分钟只能再获取一次，请稍后再试`))
  }
  if ((await codes.countCodesSince(db, { ip }, ago(now, MINUTE))) >= limits.ipPerMinute) {
    return refuse(new AppError(429, 'SMS_TOO_FREQUENT'))
  }
  if ((await codes.countCodesSince(db, { ip }, ago(now, DAY))) >= limits.ipPerDay) {
    return refuse(new AppError(429, 'SMS_DAILY_LIMIT'))
  }
  return { refusal: null, phoneToday }
}

export async function loginWithPhone(ctx: AppContext, phone: string, code: string): Promise<Session> {
  await useSmsCode(ctx, phone, code)
  return startSession(ctx, await findOrCreateUserByPhone(ctx.db, phone))
}

/** Spends the phone's newest code for `scope` if `code` matches it; otherwise counts the wrong guess and refuses. */
export async function useSmsCode(ctx: AppContext, phone: string, code: string, scope: codes.CodeScope = LOGIN): Promise<void> {
  const { db, config } = ctx
  const now = ctx.now()
  const latest = await codes.findLatestCode(db, phone, scope)
  const usable = latest && !latest.consumed_at && latest.expires_at > iso(now) && latest.failed_attempts < MAX_CODE_ATTEMPTS
  if (!latest || !usable) throw new AppError(400, 'SMS_CODE_INVALID')
  if (latest.code_hash !== hashSecret(code, phone + config.tokenSecret)) {
    await codes.recordFailedAttempt(db, latest.id, MAX_CODE_ATTEMPTS)
    throw new AppError(400, 'SMS_CODE_INVALID')
  }
  if (!(await codes.consumeCode(db, latest.id, iso(now), MAX_CODE_ATTEMPTS))) throw new AppError(400, 'SMS_CODE_INVALID')
}

export async function loginWithWechat(ctx: AppContext, code: string): Promise<Session> {
  if (!ctx.wechat.configured) throw new AppError(503, 'WECHAT_NOT_CONFIGURED')
  let openid: string
  try {
    openid = (await ctx.wechat.code2Session(code)).openid
  } catch (error) {
    if (error instanceof WechatError && error.busy) throw Object.assign(new AppError(503, 'WECHAT_BUSY'), { cause: error })
    if (error instanceof WechatError && error.errcode) throw new AppError(400, 'WECHAT_LOGIN_FAILED')
    throw Object.assign(new AppError(502, 'WECHAT_LOGIN_FAILED'), { cause: error })
  }
  return startSession(ctx, await findOrCreateUserByOpenid(ctx.db, openid))
}

async function startSession(ctx: AppContext, user: UserRow): Promise<Session> {
  if (user.disabled) throw new AppError(403, 'ACCOUNT_DISABLED')
  const now = ctx.now()
  const refreshToken = newRefreshToken()
  const sessionId = randomUUID()
  await sessions.insertSession(ctx.db, {
    id: sessionId,
    userId: user.id,
    refreshTokenHash: hashSecret(refreshToken),
    createdAt: iso(now),
    expiresAt: refreshExpiry(ctx, now),
  })
  // Logging in during the cool-off is how a person changes their mind about deleting the account.
  const deletionCancelled = await cancelPendingDeletion(ctx, user.id, 'login')
  const session = await sessionResponse(ctx, user, sessionId, refreshToken)
  return deletionCancelled ? { ...session, deletionCancelled } : session
}

function refreshExpiry(ctx: AppContext, now: Date) {
  return iso(new Date(now.getTime() + ctx.config.refreshTokenTtlDays * DAY))
}

/** `issuedAt` fixes the access token's expiry, so the same session and instant always sign the same token. */
async function sessionResponse(ctx: AppContext, user: UserRow, sessionId: string, refreshToken: string, issuedAt = ctx.now()): Promise<Session> {
  const exp = Math.floor(issuedAt.getTime() / 1000) + ctx.config.accessTokenTtlSeconds
  return {
    accessToken: signAccessToken({ sub: user.id, sid: sessionId, exp }, ctx.config.tokenSecret),
    accessTokenExpiresAt: iso(new Date(exp * 1000)),
    refreshToken,
    user: await toUserProfile(ctx.db, user),
  }
}

async function activeUser(ctx: AppContext, userId: string) {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
  if (user.disabled) throw new AppError(403, 'ACCOUNT_DISABLED')
  return user
}

export async function refreshSession(ctx: AppContext, refreshToken: string): Promise<Session> {
  const { db } = ctx
  const now = ctx.now()
  const oldHash = hashSecret(refreshToken)
  const next = nextRefreshToken(refreshToken, ctx.config.tokenSecret)
  const session = await sessions.findSessionByTokenHash(db, oldHash)
  if (session) {
    if (session.revoked_at || session.expires_at <= iso(now)) throw new AppError(401, 'REFRESH_TOKEN_INVALID')
    const user = await activeUser(ctx, session.user_id)
    if (await sessions.rotateSessionToken(db, session.id, oldHash, hashSecret(next), iso(now), refreshExpiry(ctx, now))) {
      return sessionResponse(ctx, user, session.id, next, now)
    }
    // A concurrent refresh with the same token rotated it first: answer as it was answered.
  }
  const rotated = await sessions.findSessionByPreviousTokenHash(db, oldHash)
  if (!rotated) throw new AppError(401, 'REFRESH_TOKEN_INVALID')
  // The token rotated away moments ago, and not rotated further since: a retry after a lost answer or a
  // second tab. It gets the same pair. Any later showing means someone copied it: end the session for everyone.
  const retry =
    !rotated.revoked_at &&
    rotated.expires_at > iso(now) &&
    rotated.refresh_token_hash === hashSecret(next) &&
    Date.parse(rotated.refreshed_at) > now.getTime() - REFRESH_GRACE_MS
  if (!retry) {
    await sessions.revokeSession(db, rotated.id, iso(now))
    throw new AppError(401, 'REFRESH_TOKEN_INVALID')
  }
  return sessionResponse(ctx, await activeUser(ctx, rotated.user_id), rotated.id, next, new Date(rotated.refreshed_at))
}

export async function logout(ctx: AppContext, sessionId: string) {
  await sessions.revokeSession(ctx.db, sessionId, iso(ctx.now()))
}

export interface AuthUser {
  id: string
  role: UserRow['role']
  enterpriseId: string | null
  sessionId: string
}

export async function authenticate(ctx: AppContext, authorization: string | undefined): Promise<AuthUser> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined
  if (!token) throw new AppError(401, 'UNAUTHENTICATED')
  const verified = verifyAccessToken(token, ctx.config.tokenSecret, ctx.now().getTime() / 1000)
  if (!verified.ok) throw new AppError(401, verified.reason === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID')
  const row = await sessions.findActiveSessionUser(ctx.db, verified.claims.sid, iso(ctx.now()))
  if (!row || row.userId !== verified.claims.sub) throw new AppError(401, 'TOKEN_INVALID')
  if (row.disabled) throw new AppError(403, 'ACCOUNT_DISABLED')
  return { id: row.userId, role: row.role, enterpriseId: row.enterpriseId, sessionId: row.sessionId }
}
