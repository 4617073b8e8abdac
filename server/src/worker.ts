import { ConfigError, loadConfig } from './config'
import { createContext } from './context-factory'
import { startNotificationWorker } from './jobs/notification-worker'
import { scheduleRetention } from './jobs/retention'
import { startDataExportWorker } from './jobs/data-export'
import { scheduleAccountDeletions } from './jobs/account-deletion'
import { scheduleUrgentWarningAlerts } from './modules/warnings/warning-alerts'

/**
 * `npm run worker`: delivers notifications in a process of its own (run the server with
 * NOTIFY_EMBEDDED_WORKER=false then), enforces the retention schedule, builds data exports and
 * completes account deletions too (safe beside the server's own runs). Several may run at once.
 */
async function main() {
  const config = loadConfig()
  const { ctx, database } = await createContext(config)
  const stop = await startNotificationWorker(ctx, (error) => console.error('通知发送出错：', error))
  const log = {
    info: (details: object, message: string) => console.log(message, details),
    error: (details: object, message: string) => console.error(message, details),
  }
  const stopRetention = scheduleRetention(ctx, log)
  const stopExports = startDataExportWorker(ctx, log)
  const stopAccountDeletions = scheduleAccountDeletions(ctx, log)
  // Urgent warnings' fan-outs, beside the servers' own runs (each batch is claimed by one worker).
  const stopWarningAlerts = scheduleUrgentWarningAlerts(ctx, log)
  console.log(`通知发送进程已启动（队列：${config.notifications.queue}）`)
  // The worker's poll timers are unref'd (they must not hold the API server open); here nothing else
  // would keep the process alive between passes, so it would quietly exit after the first one.
  const keepAlive = setInterval(() => undefined, 60_000)
  const shutdown = async () => {
    clearInterval(keepAlive)
    stopRetention()
    stopExports()
    stopAccountDeletions()
    stopWarningAlerts()
    await stop()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `配置错误：${error.message}` : error)
  process.exit(1)
})
