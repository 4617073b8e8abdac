import { ConfigError, loadConfig } from './config'
import { createContext } from './context-factory'
import { startNotificationWorker } from './jobs/notification-worker'
import { scheduleRetention } from './jobs/retention'
import { scheduleUrgentWarningAlerts } from './modules/warnings/warning-alerts'

/**
 * `npm run worker`: delivers notifications in a process of its own (run the server with
 * NOTIFY_EMBEDDED_WORKER=false then), and enforces the retention schedule too (safe beside the
 * server's own run). Several may run at once.
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
  // Urgent warnings' fan-outs, beside the servers' own runs (each batch is claimed by one worker).
  const stopWarningAlerts = scheduleUrgentWarningAlerts(ctx, log)
  console.log(`通知发送进程已启动（队列：${config.notifications.queue}）`)
  // The worker's poll timers are unref'd (they must not hold the API server open); here nothing else
  // would keep the process alive between passes, so it would quietly exit after the first one.
  const keepAlive = setInterval(() => undefined, 60_000)
  const shutdown = async () => {
    clearInterval(keepAlive)
    stopRetention()
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
