import type { AppContext } from '../context'
import { deliveryDeps, startOutboxWorker } from './notification-delivery'
import { startPgBossWorker } from './notification-pgboss'

/** Starts the delivery worker the configuration asks for; returns a stop function. */
export async function startNotificationWorker(ctx: AppContext, onError: (error: unknown) => void): Promise<() => Promise<void>> {
  const deps = deliveryDeps(ctx)
  if (ctx.config.notifications.queue === 'pgboss') return startPgBossWorker(deps, ctx.config.databaseUrl!, { onError })
  return startOutboxWorker(deps, { onError })
}
