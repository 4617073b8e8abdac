import path from 'node:path'
import { buildApp } from './app'
import { ConfigError, loadConfig } from './config'
import { createContext } from './context-factory'
import { scheduleDeadlineChecks } from './jobs/deadlines'
import { scheduleEvidenceCleanup } from './jobs/evidence-cleanup'
import { startNotificationWorker } from './jobs/notification-worker'
import { InstanceConflictError, registerInstance } from './jobs/instance-registry'
import { scheduleRetention } from './jobs/retention'
import { startDataExportWorker } from './jobs/data-export'
import { scheduleAccountDeletions } from './jobs/account-deletion'
import { scheduleDeadlineReminders } from './jobs/notification-deadline-reminders'
import { scheduleMediationReminders } from './jobs/mediation-reminders'
import { schedulePerformanceFollowUps } from './jobs/performance-follow-ups'
import { scheduleUrgentWarningAlerts } from './modules/warnings/warning-alerts'
import { DEMO_ACCOUNTS, seedDemoData } from './seed/demo'
import { seedDemoGroup } from './seed/demo-group'
import { DEMO_LAWYER, seedDemoLawyers } from './seed/lawyers'
import { seedDemoRankings } from './seed/credit-rankings'
import { localCertificate } from './tls/local-certificate'
import { phoneAccessLines, phoneAddresses } from './tls/phone-access'
import { ROLE_LABELS } from '../../src/contract/roles'

async function main() {
  const config = loadConfig()
  const { ctx, database } = await createContext(config)
  if (config.seedDemo) {
    await seedDemoData(ctx.db)
    await seedDemoGroup(ctx)
    await seedDemoLawyers(ctx.db, new Date())
    await seedDemoRankings(ctx.db, new Date())
  }
  const leaveRegistry = await registerInstance(ctx)
  const addresses = phoneAddresses(config.host)
  const tls = config.https ? localCertificate(path.join(config.dataDir, 'https'), ['localhost', '127.0.0.1', ...addresses]) : undefined
  const app = await buildApp(ctx, { logger: { level: config.logLevel }, tls })
  await app.listen({ port: config.port, host: config.host })
  const stopCleanup = scheduleEvidenceCleanup(ctx, app.log)
  const stopDeadlines = scheduleDeadlineChecks(ctx, app.log)
  const stopReminders = scheduleDeadlineReminders(ctx, app.log)
  const stopSessionReminders = scheduleMediationReminders(ctx, app.log)
  const stopPerformance = schedulePerformanceFollowUps(ctx, app.log, config.performanceSweepSeconds * 1000)
  const stopRetention = scheduleRetention(ctx, app.log)
  // Builds “导出我的数据” zips; safe beside `npm run worker` processes doing the same.
  const stopExports = startDataExportWorker(ctx, app.log)
  const stopAccountDeletions = scheduleAccountDeletions(ctx, app.log)
  // Urgent warnings scheduled for later alert their readers when they become public.
  const stopWarningAlerts = scheduleUrgentWarningAlerts(ctx, app.log)
  const stopNotifications = config.notifications.embeddedWorker
    ? await startNotificationWorker(ctx, (error) => app.log.error({ err: error }, 'notification delivery failed'))
    : async () => {}

  const shown = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  const lines = [
    '',
    `维权通已启动：${config.https ? 'https' : 'http'}://${shown}:${config.port}/   （接口文档：/api/docs）`,
    ...phoneAccessLines(config.https, config.port, addresses),
    `数据库：${database.dialect === 'sqlite' ? `SQLite（${config.dataDir}）` : 'PostgreSQL'}`,
  ]
  if (config.seedDemo) {
    lines.push('演示账号（手机号登录，验证码会打印在本终端）：')
    for (const account of DEMO_ACCOUNTS) {
      lines.push(`  ${ROLE_LABELS[account.role].padEnd(8, '　')} ${account.phone}  ${account.displayName}${account.organization ? `（${account.organization}${account.station ? ` · ${account.station}` : ''}）` : ''}`)
    }
    lines.push(`  ${'律师团律师'.padEnd(8, '　')} ${DEMO_LAWYER.phone}  ${DEMO_LAWYER.displayName}（${DEMO_LAWYER.organization} · 律师答疑，“我的 › 律师工作台”）`)
  }
  console.log(lines.join('\n') + '\n')

  const stop = async () => {
    stopCleanup()
    stopDeadlines()
    stopReminders()
    stopSessionReminders()
    stopPerformance()
    stopRetention()
    stopExports()
    stopAccountDeletions()
    stopWarningAlerts()
    await stopNotifications()
    await app.close()
    await leaveRegistry()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `配置错误：${error.message}` : error instanceof InstanceConflictError ? `无法启动 / refusing to start：\n${error.message}` : error)
  process.exit(1)
})
