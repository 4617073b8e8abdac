import { createHash, randomUUID } from 'node:crypto'
import PgBoss from 'pg-boss'
import { claimDelivery, claimForQueue, deliver, type DeliveryDeps } from '../modules/notifications/notification-delivery'

const QUEUE = 'notification-delivery'
const STALE_QUEUED_MS = 5 * 60_000
/** pg-boss keeps its tables in a schema of its own, beside ours. */
const PGBOSS_SCHEMA = 'pgboss_weiquan'

/** pg-boss job ids are UUIDs: one per delivery attempt, derived from the idempotency key so every worker computes the same. */
function jobId(idempotencyKey: string, attempts: number): string {
  const hex = createHash('sha256').update(`${idempotencyKey}#${attempts}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * pgboss mode: the deliveries table stays the record of what must be sent (written by notify() in the
 * change's transaction); a relay in every worker hands due rows to pg-boss, whose SKIP LOCKED fetch
 * gives each job to one worker. The relay may run in several workers at once: the same delivery
 * attempt always gets the same job id, which pg-boss inserts only once, and the claim on the row
 * (conditional UPDATE) stops a second send even if a job were fetched twice.
 */
export async function startPgBossWorker(
  deps: DeliveryDeps,
  databaseUrl: string,
  options: { relayMs?: number; onError?: (error: unknown) => void; schema?: string } = {},
) {
  const owner = `pgboss-${process.pid}-${randomUUID().slice(0, 8)}`
  const boss = new PgBoss({ connectionString: databaseUrl, schema: options.schema ?? PGBOSS_SCHEMA, supervise: true, schedule: false })
  boss.on('error', (error) => options.onError?.(error))
  await boss.start()
  await boss.createQueue(QUEUE)

  await boss.work<{ deliveryId: string }>(QUEUE, { batchSize: 10, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      const row = await claimDelivery(deps.db, job.data.deliveryId, owner, deps.now(), deps.config.leaseSeconds, true)
      if (row) await deliver(deps, row, owner)
    }
  })

  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const relay = () => {
    running = (async () => {
      try {
        // A row queued long ago whose job vanished (e.g. pg-boss data lost) is sent to pg-boss again; the same
        // job id means a job that still exists is not duplicated.
        const staleQueued = new Date(deps.now().getTime() - STALE_QUEUED_MS)
        // Rows are marked queued first (disjoint between relays); were a send to fail, the row is
        // found again as a stale queued one.
        for (const due of await claimForQueue(deps.db, deps.now(), 200, staleQueued)) {
          await boss.send(QUEUE, { deliveryId: due.id }, { id: jobId(due.idempotency_key, due.attempts), retryLimit: 0 })
        }
      } catch (error) {
        options.onError?.(error)
      }
      if (!stopped) timer = setTimeout(relay, options.relayMs ?? 500).unref()
    })()
  }
  relay()

  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
    await boss.stop({ graceful: true, wait: true })
  }
}
