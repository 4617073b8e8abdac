import { SMS_NOTIFICATION_TYPES } from '../../../../src/contract/notification'
import type { ExpressionBuilder } from 'kysely'
import type { Db } from '../../db/database'
import { inClaimed, skipLocked } from '../../db/dialect-sql'
import type { Database } from '../../db/schema'
import type { NotificationDeliveryTable } from '../../db/schema-notifications'
import { WechatError } from '../../adapters/wechat'
import type { SubscribeSender } from '../../adapters/wechat-subscribe'
import type { NotificationSms } from '../../adapters/sms'
import type { NotificationConfig } from '../../config'
import { subscribeData, subscribePage } from './subscribe-template'

/*
 * Delivery guarantees, honestly:
 * - A delivery is claimed with a conditional UPDATE (status pending/failed and due, or sending with an
 *   expired lease) that only one worker can win, so several workers never send the same row at once.
 * - The worker sends, then marks the row sent. WeChat and SMS take no idempotency key, so if the worker
 *   dies after the provider accepted the message but before "sent" is written, the lease expires and
 *   the row is sent again: at-least-once, with a window of one HTTP round trip plus one UPDATE. We chose
 *   this over at-most-once because a lost 处理方案 notice hurts a consumer more than a rare duplicate.
 *   A crash anywhere else (before the request left, or while the provider had not answered and did not
 *   act) is redelivered exactly once.
 * - Retries back off exponentially (30 s, 60 s, 120 s …); after maxAttempts the row is dead.
 * - Refusals that a retry cannot fix (no openid, no subscribe quota, WeChat 43101, channel off) are
 *   skipped, never retried; the inbox item remains.
 */

const BACKOFF_BASE_MS = 30_000
/** WeChat: the user refused or has no quota left for this template. Not retried. */
const WECHAT_NO_QUOTA = 43101

export type DeliveryRow = NotificationDeliveryTable

export interface DeliveryDeps {
  db: Db
  config: NotificationConfig
  wechat: SubscribeSender
  sms: NotificationSms
  now: () => Date
}

type Outcome = { status: 'sent' } | { status: 'skipped'; reason: string } | { status: 'retry'; reason: string }

/** Takes the delivery if it is due and nobody holds it; returns the row, or null when another worker won. */
export async function claimDelivery(
  db: Db,
  id: string,
  owner: string,
  now: Date,
  leaseSeconds: number,
  queuedOk = false,
): Promise<DeliveryRow | null> {
  const at = now.toISOString()
  const result = await db
    .updateTable('notification_deliveries')
    .set((eb) => ({
      status: 'sending',
      lease_owner: owner,
      lease_until: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
      attempts: eb('attempts', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', queuedOk ? ['pending', 'failed', 'queued'] : ['pending', 'failed']), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', at)]),
      ]),
    )
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return null
  const row = await db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst()
  return row && row.lease_owner === owner ? row : null
}

/**
 * Claims up to `limit` due deliveries for this worker in one statement (oldest first): the rows are
 * picked with SKIP LOCKED on PostgreSQL and taken with the same conditions as claimDelivery, so
 * workers running at once get disjoint batches and none waits for another.
 */
export async function claimDueDeliveries(db: Db, owner: string, now: Date, leaseSeconds: number, limit: number): Promise<DeliveryRow[]> {
  const at = now.toISOString()
  const due = (eb: ExpressionBuilder<Database, 'notification_deliveries'>) =>
    eb.or([
      eb.and([eb('status', 'in', ['pending', 'failed']), eb('next_attempt_at', '<=', at)]),
      eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', at)]),
    ])
  return db
    .updateTable('notification_deliveries')
    .set((eb) => ({
      status: 'sending',
      lease_owner: owner,
      lease_until: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
      attempts: eb('attempts', '+', 1),
      updated_at: at,
    }))
    .where(inClaimed(db, 'id', skipLocked(db, db.selectFrom('notification_deliveries').select('id').where(due).orderBy('next_attempt_at').limit(limit))))
    .where(due)
    .returningAll()
    .execute()
}

/**
 * pgboss mode: marks up to `limit` due deliveries (and ones queued before `queuedBefore` whose job
 * may be lost) as queued for this relay, SKIP LOCKED, so two relays never hand over the same rows.
 */
export async function claimForQueue(db: Db, now: Date, limit: number, queuedBefore: Date) {
  const at = now.toISOString()
  const due = (eb: ExpressionBuilder<Database, 'notification_deliveries'>) =>
    eb.or([
      eb.and([eb('status', 'in', ['pending', 'failed']), eb('next_attempt_at', '<=', at)]),
      eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', at)]),
      eb.and([eb('status', '=', 'queued'), eb('updated_at', '<', queuedBefore.toISOString())]),
    ])
  return db
    .updateTable('notification_deliveries')
    .set({ status: 'queued', updated_at: at })
    .where(inClaimed(db, 'id', skipLocked(db, db.selectFrom('notification_deliveries').select('id').where(due).orderBy('next_attempt_at').limit(limit))))
    .where(due)
    .returning(['id', 'idempotency_key', 'attempts'])
    .execute()
}

/** Sends one claimed delivery and records the result, unless this worker has lost the lease meanwhile. */
export async function deliver(deps: DeliveryDeps, row: DeliveryRow, owner: string): Promise<Outcome> {
  let outcome: Outcome
  try {
    outcome = row.channel === 'wechat' ? await sendWechat(deps, row) : await sendSms(deps, row)
  } catch (error) {
    outcome = { status: 'retry', reason: (error as Error).message.slice(0, 500) }
  }
  await record(deps, row, owner, outcome)
  return outcome
}

async function record(deps: DeliveryDeps, row: DeliveryRow, owner: string, outcome: Outcome) {
  const now = deps.now()
  const at = now.toISOString()
  const base = { lease_owner: null, lease_until: null, updated_at: at }
  const set =
    outcome.status === 'sent'
      ? { ...base, status: 'sent' as const, sent_at: at, last_error: null }
      : outcome.status === 'skipped'
        ? { ...base, status: 'skipped' as const, last_error: outcome.reason }
        : row.attempts >= deps.config.maxAttempts
          ? { ...base, status: 'dead' as const, last_error: outcome.reason }
          : {
              ...base,
              status: 'failed' as const,
              last_error: outcome.reason,
              next_attempt_at: new Date(now.getTime() + BACKOFF_BASE_MS * 2 ** (row.attempts - 1)).toISOString(),
            }
  await deps.db
    .updateTable('notification_deliveries')
    .set(set)
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .execute()
}

async function loadNotification(db: Db, row: DeliveryRow) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.recipient_id')
    .leftJoin('complaints as c', 'c.id', 'n.complaint_id')
    .select(['n.type', 'n.title', 'n.body', 'n.link', 'n.created_at', 'u.wechat_openid', 'u.phone', 'c.number'])
    .where('n.id', '=', row.notification_id)
    .executeTakeFirstOrThrow()
}

async function sendWechat(deps: DeliveryDeps, row: DeliveryRow): Promise<Outcome> {
  if (!deps.wechat.configured) return { status: 'skipped', reason: 'WeChat not configured' }
  const n = await loadNotification(deps.db, row)
  if (!n.wechat_openid) return { status: 'skipped', reason: 'no openid' }
  // A delivery retried after a crash keeps the quota it took before: the crash cannot have returned it.
  const templateId = row.template_id ?? (await takeQuota(deps.db, row, deps.config.subscribeTemplates, deps.now()))
  if (!templateId) return { status: 'skipped', reason: 'no subscribe quota' }
  try {
    await deps.wechat.send({
      touser: n.wechat_openid,
      templateId,
      page: subscribePage(n.link),
      data: subscribeData({ type: n.type, complaintNumber: n.number, title: n.title, body: n.body, createdAt: n.created_at }),
      miniprogramState: deps.config.miniprogramState,
    })
    return { status: 'sent' }
  } catch (error) {
    if (error instanceof WechatError && error.errcode === WECHAT_NO_QUOTA) {
      // WeChat knows better than our count: this template has no quota left.
      await deps.db.updateTable('subscribe_quotas').set({ remaining: 0 }).where('user_id', '=', row.recipient_id).where('template_id', '=', templateId).execute()
      return { status: 'skipped', reason: 'WeChat 43101: no subscribe quota' }
    }
    await giveBackQuota(deps.db, row, templateId)
    throw error
  }
}

/** Uses one one-time quota of the first configured template the user has accepted; atomic, so two workers cannot spend one quota twice. */
async function takeQuota(db: Db, row: DeliveryRow, templates: string[], now: Date): Promise<string | null> {
  for (const templateId of templates) {
    const taken = await db.transaction().execute(async (trx) => {
      const update = await trx
        .updateTable('subscribe_quotas')
        .set((eb) => ({ remaining: eb('remaining', '-', 1), updated_at: now.toISOString() }))
        .where('user_id', '=', row.recipient_id)
        .where('template_id', '=', templateId)
        .where('remaining', '>', 0)
        .executeTakeFirst()
      if (Number(update.numUpdatedRows) !== 1) return false
      await trx.updateTable('notification_deliveries').set({ template_id: templateId }).where('id', '=', row.id).execute()
      return true
    })
    if (taken) return templateId
  }
  return null
}

async function giveBackQuota(db: Db, row: DeliveryRow, templateId: string) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('subscribe_quotas')
      .set((eb) => ({ remaining: eb('remaining', '+', 1) }))
      .where('user_id', '=', row.recipient_id)
      .where('template_id', '=', templateId)
      .execute()
    await trx.updateTable('notification_deliveries').set({ template_id: null }).where('id', '=', row.id).execute()
  })
}

async function sendSms(deps: DeliveryDeps, row: DeliveryRow): Promise<Outcome> {
  if (!deps.config.sms) return { status: 'skipped', reason: 'SMS notifications off' }
  const n = await loadNotification(deps.db, row)
  if (!SMS_NOTIFICATION_TYPES.includes(n.type)) return { status: 'skipped', reason: 'not a key event' }
  if (!n.phone) return { status: 'skipped', reason: 'no phone' }
  await deps.sms.sendNotification(n.phone, `【维权通】${n.title}：${n.body}`)
  return { status: 'sent' }
}
