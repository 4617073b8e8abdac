import { randomUUID } from 'node:crypto'
import type { AppContext } from '../context'
import { createNotificationSms } from '../adapters/sms'
import { createSubscribeSender } from '../adapters/wechat-subscribe'
import { claimDueDeliveries, deliver, type DeliveryDeps } from '../modules/notifications/notification-delivery'

export function deliveryDeps(ctx: AppContext): DeliveryDeps {
  const { appId, secret, apiBase } = ctx.config.wechat
  return {
    db: ctx.db,
    config: ctx.config.notifications,
    wechat: createSubscribeSender({ db: ctx.db, appId, secret, apiBase, now: ctx.now }),
    sms: createNotificationSms(ctx.config),
    now: ctx.now,
  }
}

/** One pass over the outbox: claims a batch of what is due (disjoint from other workers') and sends it. Returns how many were attempted. */
export async function deliverDue(deps: DeliveryDeps, owner: string, batch = 50): Promise<number> {
  const claimed = await claimDueDeliveries(deps.db, owner, deps.now(), deps.config.leaseSeconds, batch)
  for (const row of claimed) await deliver(deps, row, owner)
  return claimed.length
}

/**
 * The outbox worker: polls the deliveries table; safe to run in several processes at once because
 * each batch is claimed with one conditional UPDATE (SKIP LOCKED on PostgreSQL). Returns a stop function that waits for the current pass.
 */
export function startOutboxWorker(deps: DeliveryDeps, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}) {
  const owner = `outbox-${process.pid}-${randomUUID().slice(0, 8)}`
  const intervalMs = options.intervalMs ?? 1000
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const tick = () => {
    running = (async () => {
      try {
        // Keep going while there is work, so a burst drains at full speed.
        while (!stopped && (await deliverDue(deps, owner)) > 0);
      } catch (error) {
        options.onError?.(error)
      }
      if (!stopped) timer = setTimeout(tick, intervalMs).unref()
    })()
  }
  tick()
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
