import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { createContext } from '../context-factory'
import { PHONE_PATTERN } from '../../../src/contract/rules'
import { runAdminCommand } from './admin-commands'
import { completeDueAccountDeletions } from '../jobs/account-deletion'

const USAGE = `用法：
  npm run admin -- create-staff --phone 13900000000 --name 姓名
  npm run admin -- create-enterprise --phone 13900000000 --name 姓名 --enterprise 企业名称 [--credit-code 统一社会信用代码]
  npm run admin -- grant-rule-editor --phone 13900000000    （允许该工作人员发布处理规则新版本）
  npm run admin -- revoke-rule-editor --phone 13900000000
  npm run admin -- list-users
  npm run admin -- create-organization --name 名称 --level province|city|county --region 行政区划代码 [--parent 上级组织名称]
  npm run admin -- add-staff --phone 13900000000 [--name 姓名] --organization 组织名称 [--manage] [--no-mediate]
  npm run admin -- set-rule-family --organization 组织名称 --family samr|association|inherit   （该组织及沿用它的下级组织新立案投诉适用的规则；inherit 沿用上级）
  npm run admin -- set-group-threshold --organization 组织名称 --count 5 --days 30   （几天内几件投诉同一商家即形成群体性投诉；--default 改回默认 5 件 30 天）
  npm run admin -- list-organizations   （每个组织实际适用的规则，“沿用”表示来自上级或部署设置 RULE_SET_FAMILY）
  npm run admin -- complete-account-deletions   （立即完成冷静期已结束的注销申请；服务每小时也会自动执行）`

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      phone: { type: 'string' },
      name: { type: 'string' },
      enterprise: { type: 'string' },
      'credit-code': { type: 'string' },
      level: { type: 'string' },
      region: { type: 'string' },
      parent: { type: 'string' },
      organization: { type: 'string' },
      manage: { type: 'boolean' },
      'no-mediate': { type: 'boolean' },
      family: { type: 'string' },
      count: { type: 'string' },
      days: { type: 'string' },
      default: { type: 'boolean' },
      now: { type: 'string' },
    },
  })
  const command = positionals[0]
  if (!command) throw new Error(USAGE)
  if (values.phone !== undefined && !PHONE_PATTERN.test(values.phone)) throw new Error('手机号格式不正确（11 位，1 开头）')
  const now = testClock(values.now)
  const { ctx, database } = await createContext(loadConfig())
  try {
    if (command === 'complete-account-deletions') {
      const result = await completeDueAccountDeletions(now ? { ...ctx, now } : ctx)
      console.log(`已完成 ${result.completed} 个账号的注销，删除照片文件 ${result.photoFiles} 个`)
      return
    }
    console.log(await runAdminCommand(ctx.db, command, values, ctx.config.ruleSetFamily))
  } finally {
    await database.close()
  }
}

/**
 * `--now <ISO time>` runs a job as of another instant, for end-to-end tests that cannot wait out a
 * cool-off. It exists only under NODE_ENV=test: in production nobody can complete a deletion early.
 */
function testClock(now: string | undefined): (() => Date) | undefined {
  if (now === undefined) return undefined
  if (process.env.NODE_ENV !== 'test') throw new Error('--now 只能在 NODE_ENV=test 时使用')
  const instant = new Date(now)
  if (Number.isNaN(instant.getTime())) throw new Error('--now 需要 ISO 时间，如 2026-12-31T00:00:00Z')
  return () => instant
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
