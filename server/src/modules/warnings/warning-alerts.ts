import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import type { JobLog } from '../../jobs/retention'
import { onWarningFanoutQueued, queueWarningFanout, runWarningFanouts } from './warning-fanout'
import type { WarningRow } from './warnings.repository'

export const URGENT_ALERT_INTERVAL_MS = 60 * 1000

/**
 * Once an urgent warning is public, queues telling its readers, exactly once (urgent_notified_at is
 * claimed first). Users have no region on file yet, so only nationwide warnings are sent, to every
 * active consumer and volunteer, by the fan-out job in batches outside this transaction; a regional
 * one is marked as handled without sending. True when a fan-out was queued (kick it after commit).
 */
export async function alertUrgentWarning(trx: Db, warning: WarningRow, now: Date): Promise<boolean> {
  const due = warning.status === 'published' && warning.published_at !== null && warning.published_at <= now.toISOString()
  if (Number(warning.urgent) !== 1 || !due) return false
  const claimed = await trx
    .updateTable('warnings')
    .set({ urgent_notified_at: now.toISOString() })
    .where('id', '=', warning.id)
    .where('urgent_notified_at', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) return false
  if ((JSON.parse(warning.regions) as string[]).length > 0) return false
  await queueWarningFanout(trx, warning.id, now)
  return true
}

/**
 * The job: queues scheduled urgent warnings whose time has come, then works through every pending
 * fan-out. Returns how many notifications were written.
 */
export async function alertDueUrgentWarnings(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  const due = await ctx.db
    .selectFrom('warnings')
    .selectAll()
    .where('status', '=', 'published')
    .where('urgent', '=', 1)
    .where('urgent_notified_at', 'is', null)
    .where('published_at', '<=', now.toISOString())
    .execute()
  for (const warning of due) await ctx.db.transaction().execute((trx) => alertUrgentWarning(trx, warning, now))
  return runWarningFanouts(ctx)
}

/**
 * Runs now, every minute, and whenever this process queues a fan-out (a warning published through
 * this instance starts at once; one left by a stopped instance is picked up within the minute).
 * The timer does not keep the process alive. Returns a stop function.
 */
export function scheduleUrgentWarningAlerts(ctx: AppContext, log: JobLog): () => void {
  let running: Promise<void> | null = null
  let again = false
  const run = () => {
    if (running) {
      again = true
      return
    }
    running = (async () => {
      do {
        again = false
        try {
          const written = await alertDueUrgentWarnings(ctx)
          if (written > 0) log.info({ written }, 'urgent warning notifications written')
        } catch (error) {
          log.error({ err: error }, 'urgent warning alerts failed')
        }
      } while (again)
      running = null
    })()
  }
  run()
  const timer = setInterval(run, URGENT_ALERT_INTERVAL_MS)
  timer.unref()
  const unsubscribe = onWarningFanoutQueued(run)
  return () => {
    clearInterval(timer)
    unsubscribe()
  }
}
