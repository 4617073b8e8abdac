import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { WarningAlertProgress } from '../../../../src/contract/warning'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { skipLocked } from '../../db/dialect-sql'
import { announceInboxChange } from '../notifications/inbox-signal'
import { takeNextSeqs } from '../notifications/notification-seq'
import type { WarningRow } from './warnings.repository'

export const FANOUT_BATCH = 1000
const DETAIL_PAGE = '/packages/warnings/pages/detail/index'
const queued = new EventEmitter()

/** Who an urgent nationwide warning goes to (users have no region on file yet). */
const readers = (db: Db) => db.selectFrom('users').where('disabled', '=', 0).where('role', 'in', ['consumer', 'volunteer'])

/** Records that every reader must be told; inside the transaction that makes the warning public and urgent. */
export async function queueWarningFanout(trx: Db, warningId: string, now: Date): Promise<void> {
  const at = now.toISOString()
  await trx
    .insertInto('warning_fanouts')
    .values({ warning_id: warningId, total: null, created_at: at, updated_at: at, finished_at: null })
    .onConflict((oc) => oc.column('warning_id').doNothing())
    .execute()
}

/** How far telling the readers has got (已通知 N / M), for the staff editor; null when none was queued. */
export async function fanoutProgress(db: Db, warningId: string): Promise<WarningAlertProgress | null> {
  const row = await db.selectFrom('warning_fanouts').select(['notified', 'total', 'finished_at']).where('warning_id', '=', warningId).executeTakeFirst()
  return row ? { notified: Number(row.notified), total: row.total === null ? null : Number(row.total), finished: row.finished_at !== null } : null
}

/** Tells this process's fan-out runner (if it has one) to start now rather than at its next tick; call after commit. */
export function kickWarningFanouts(): void {
  queued.emit('queued')
}

export function onWarningFanoutQueued(listener: () => void): () => void {
  queued.on('queued', listener)
  return () => queued.off('queued', listener)
}

/**
 * One batch of one pending fan-out, in one transaction: the fan-out row is claimed (SKIP LOCKED on
 * PostgreSQL, so a second worker passes over it), the next batch of readers after its cursor get
 * their notification, and the cursor moves on with a compare-and-swap. A retried batch writes nothing
 * twice: each reader's notification has the unique source key `warning:<id>:<user>`.
 * Returns null when no fan-out is pending.
 */
export async function runFanoutBatch(trx: Db, now: Date, batchSize = FANOUT_BATCH): Promise<{ warningId: string; written: number; finished: boolean } | null> {
  const fanout = await skipLocked(trx, trx.selectFrom('warning_fanouts').selectAll().where('finished_at', 'is', null).orderBy('created_at').limit(1)).executeTakeFirst()
  if (!fanout) return null
  const at = now.toISOString()
  const warning = await trx.selectFrom('warnings').selectAll().where('id', '=', fanout.warning_id).executeTakeFirstOrThrow()
  let total = fanout.total === null ? null : Number(fanout.total)
  if (total === null) {
    const counted = await readers(trx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    total = Number(counted.n)
  }
  const users = await readers(trx).select('id').where('id', '>', fanout.cursor).orderBy('id').limit(batchSize).execute()
  const written = warning.status === 'published' ? await insertBatch(trx, warning, users.map((user) => user.id), now) : 0
  const finished = users.length < batchSize
  const moved = await trx
    .updateTable('warning_fanouts')
    .set((eb) => ({
      cursor: users.at(-1)?.id ?? fanout.cursor,
      notified: eb('notified', '+', written),
      total: Math.max(total, Number(fanout.notified) + written),
      updated_at: at,
      finished_at: finished ? at : null,
    }))
    .where('warning_id', '=', fanout.warning_id)
    .where('cursor', '=', fanout.cursor)
    .where('finished_at', 'is', null)
    .executeTakeFirst()
  // Another worker moved the cursor first (SQLite across processes): undo this batch.
  if (Number(moved.numUpdatedRows) !== 1) throw new FanoutRaced()
  return { warningId: fanout.warning_id, written, finished }
}

class FanoutRaced extends Error {}

/** Works through every pending fan-out, batch by batch (each its own transaction). Returns how many notifications were written. */
export async function runWarningFanouts(ctx: AppContext, batchSize = FANOUT_BATCH): Promise<number> {
  let written = 0
  for (;;) {
    let batch: Awaited<ReturnType<typeof runFanoutBatch>>
    try {
      batch = await ctx.db.transaction().execute((trx) => runFanoutBatch(trx, ctx.now(), batchSize))
    } catch (error) {
      if (error instanceof FanoutRaced) continue
      throw error
    }
    if (!batch) return written
    written += batch.written
  }
}

/** One INSERT for a batch of users; each user's seq is their own next one. */
async function insertBatch(trx: Db, warning: WarningRow, userIds: string[], now: Date): Promise<number> {
  if (userIds.length === 0) return 0
  const seqs = await takeNextSeqs(trx, userIds)
  const inserted = await trx
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        id: randomUUID(),
        recipient_id: userId,
        type: 'warning_published' as const,
        title: `紧急消费警示：${warning.title}`.slice(0, 40),
        body: warning.summary.slice(0, 120),
        link: `${DETAIL_PAGE}?id=${warning.id}`,
        complaint_id: null,
        source_key: `warning:${warning.id}:${userId}`,
        created_at: now.toISOString(),
        read_at: null,
        seq: seqs.get(userId)!,
      })),
    )
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('recipient_id')
    .execute()
  await announceInboxChange(trx, inserted.map((row) => row.recipient_id))
  return inserted.length
}
