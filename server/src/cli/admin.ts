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
  npm run admin -- create-alliance --name 联盟名称
  npm run admin -- add-to-alliance --alliance 联盟名称 --organization 组织名称   （成员之间可以联盟移送投诉）
  npm run admin -- list-alliances
  npm run admin -- create-station --organization 组织名称 --name 站名 --address 地址 --hours "周一至周五 9:00-17:00" [--host-kind 超市/商场|社区/村委会|报社/媒体|市场监管所|其他] [--host-name 依托单位] [--lat 30.27736 --lng 120.13627] [--station-phone 0571-88001234] [--services 咨询,代办投诉,调解,受理退换货,维权宣传]
  npm run admin -- update-station --station 站名 [--organization 组织名称] [上面任一参数] [--deactivate | --activate]
  npm run admin -- list-stations [--organization 组织名称]   （含下级组织的站点）
  npm run admin -- assign-station --phone 13900000000 --station 站名 [--organization 组织名称] | --no-station   （站点工作人员只能修改本站点）
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
      alliance: { type: 'string' },
      station: { type: 'string' },
      'host-kind': { type: 'string' },
      'host-name': { type: 'string' },
      address: { type: 'string' },
      lat: { type: 'string' },
      lng: { type: 'string' },
      hours: { type: 'string' },
      'station-phone': { type: 'string' },
      services: { type: 'string' },
      deactivate: { type: 'boolean' },
      activate: { type: 'boolean' },
      'no-station': { type: 'boolean' },
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
