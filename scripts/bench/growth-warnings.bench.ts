// Growth, warnings part: the public warning reads at 10k published warnings (GROWTH_WARNINGS), on a
// scratch SQLite file and, when 127.0.0.1:5432 answers, a scratch PostgreSQL database. The warnings
// are inserted right after the migration that made the table, then the later migrations run over
// them (so their backfills are timed too). Against the real server process it prints requests per
// second (10 connections, a few seconds each) for the list, a detail page, and searches with 2- and
// 3-character and mixed terms. `npm run bench -- growth-warnings` runs only this part;
// GROWTH_DB=sqlite|postgres narrows it.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { Migrator } from 'kysely'
import { INDUSTRIES } from '../../src/contract/complaint-rules'
import { WARNING_KINDS } from '../../src/contract/warning-kinds'
import { migrateToLatest, openDatabase } from '../../server/src/db/database'
import { migrations } from '../../server/src/db/migrations'
import { adminQuery, PG_URL, pgReachable, startServer } from './support/growth-server'

const WARNINGS = Number(process.env.GROWTH_WARNINGS ?? 10_000)
const ONLY_DB = process.env.GROWTH_DB
const SECONDS = Number(process.env.GROWTH_SECONDS ?? 5)
const TABLE_MIGRATION = '2026-11-24T0005-warnings'
const DAY_MS = 86_400_000

// Each warning is about one topic: most of its words come from that topic's list, a few from the
// common ones, so a term like 预付卡 is in a few percent of the warnings and 消费者 in most.
const COMMON = '消费者 商家 提醒 警惕 维权 投诉 消协 合同 价格 质量 问题 售后 服务 退款 退货 宣传 赔偿'.split(' ')
const TOPICS = [
  '预付卡 健身房 办卡 充值 跑路 闭店 押金 会员 美容 美发',
  '会销 保健品 老年人 免费 体检 讲座 鸡蛋 礼品 神药 专家',
  '旅游 零元游 购物 导游 景区 强制 低价团 行程 酒店 门票',
  '装修 验收 水电 尾款 增项 材料 瓷砖 隐蔽工程 设计费 工期',
  '直播 带货 网购 七天无理由 主播 链接 秒杀 虚假 刷单 包邮',
  '手机 APP 自动续费 短信 验证码 诈骗 扣费 套餐 流量 携号转网',
  '二手车 里程 事故车 泡水车 过户 定金 检测 贷款 分期 金融服务费',
  '外卖 食品 安全 过期 添加剂 餐馆 卫生 标签 生产日期 冷链',
  '教育 培训 课程 退费 网课 贷款 升学 保过 机构 试听',
  '家电 维修 收费 标准 明码标价 上门 配件 空调 清洗 以旧换新',
  '快递 丢件 破损 保价 签收 驿站 延误 理赔 包装 寄件',
  '租房 中介 押一付三 甲醛 长租 托管 房东 隔断 水电费 违约金',
].map((topic) => topic.split(' '))

function text(seed: number, words: number): string {
  let x = seed
  const topic = TOPICS[seed % TOPICS.length]!
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
    const pool = x % 3 === 0 ? COMMON : topic
    out.push(pool[Math.floor(x / 3) % pool.length]!)
    if (i % 9 === 8) out.push('，')
  }
  return out.join('')
}

async function main() {
  const targets: Array<'sqlite' | 'postgres'> = []
  if (ONLY_DB !== 'postgres') targets.push('sqlite')
  if (ONLY_DB !== 'sqlite' && (await pgReachable())) targets.push('postgres')
  for (const target of targets) await runTarget(target)
}

async function runTarget(target: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-growth-warnings-'))
  const pgName = `weiquan_growth_w_${randomUUID().replace(/-/g, '').slice(0, 10)}`
  let databaseUrl: string | undefined
  if (target === 'postgres') {
    await adminQuery(`create database ${pgName}`)
    databaseUrl = PG_URL.replace(/\/[^/]*$/, `/${pgName}`)
  }
  try {
    const database = databaseUrl ? openDatabase({ databaseUrl }) : openDatabase({ sqliteFile: path.join(dataDir, 'weiquan.db') })
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } })
    const upTo = await migrator.migrateTo(TABLE_MIGRATION)
    if (upTo.error) throw upTo.error
    let started = performance.now()
    const ids = await seedWarnings(database.db)
    const seedMs = Math.round(performance.now() - started)
    started = performance.now()
    await migrateToLatest(database.db)
    const migrateMs = Math.round(performance.now() - started)
    const { sql } = await import('kysely')
    if (target === 'postgres') await sql`vacuum analyze`.execute(database.db)
    const size =
      target === 'postgres'
        ? sql<{ mb: number }>`select pg_database_size(current_database()) / 1048576 as mb`
        : sql<{ mb: number }>`select (select page_count from pragma_page_count()) * (select page_size from pragma_page_size()) / 1048576 as mb`
    const databaseMb = Math.round(Number((await size.execute(database.db)).rows[0]!.mb))
    await database.close()
    const server = await startServer(dataDir, databaseUrl, 'growth-bench-secret-'.padEnd(40, 'x'))
    try {
      console.log(`\ngrowth ${target} ${WARNINGS.toLocaleString('en')} warnings (seeded in ${seedMs} ms, later migrations in ${migrateMs} ms, database ${databaseMb} MB):`)
      const q = (term: string) => `/api/warnings/search?q=${encodeURIComponent(term)}`
      const cases: Array<[string, string[]]> = [
        ['list, page 1', ['/api/warnings']],
        ['list, page 50', ['/api/warnings?page=50']],
        ['list, one industry', [`/api/warnings?industry=${INDUSTRIES[1]}`]],
        ['detail (20 different)', ids.slice(0, 20).map((id) => `/api/warnings/${id}`)],
        ['search 2 chars, in most (消费)', [q('消费')]],
        ['search 2 chars (会销)', [q('会销')]],
        ['search 3 chars (预付卡)', [q('预付卡')]],
        ['search 4 chars (自动续费)', [q('自动续费')]],
        ['search mixed (app自动)', [q('app自动')]],
        ['search, no hit (押一付三跑路)', [q('押一付三跑路')]],
      ]
      for (const [name, paths] of cases) {
        const result = await autocannon({ url: server.base, connections: 10, duration: SECONDS, requests: paths.map((p) => ({ method: 'GET', path: p })) })
        const perSecond = Math.round(result['2xx'] / result.duration)
        const bad = result.non2xx || result.errors || result.timeouts ? `  (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)` : ''
        console.log(`  ${name.padEnd(30)} ${String(perSecond).padStart(6)} req/s  p50 ${String(result.latency.p50).padStart(5)} ms  p99 ${String(result.latency.p99).padStart(5)} ms${bad}`)
      }
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    if (target === 'postgres') await adminQuery(`drop database if exists ${pgName}`)
  }
}

/** Published warnings over the last three years, newest first in the returned ids. */
async function seedWarnings(db: ReturnType<typeof openDatabase>['db']): Promise<string[]> {
  const now = Date.now()
  const ids: string[] = []
  const row = (i: number) => {
    const publishedAt = new Date(now - DAY_MS - i * 3 * 3_600_000).toISOString()
    const body = Array.from({ length: 4 }, (_, p) => text(i + p * TOPICS.length * 1000, 40))
    const id = randomUUID()
    ids.push(id)
    return {
      id,
      kind: WARNING_KINDS[i % WARNING_KINDS.length]!,
      title: `关于${text(i + 7 * TOPICS.length, 3)}的消费提醒`.slice(0, 60),
      summary: text(i + 13 * TOPICS.length, 12),
      body_html: body.map((p) => `<p>${p}</p>`).join(''),
      body_text: body.join('\n'),
      industry: INDUSTRIES[i % INDUSTRIES.length]!,
      regions: i % 4 === 0 ? '[]' : '["浙江省杭州市"]',
      urgent: i % 500 === 0 ? 1 : 0,
      cover_image_id: null,
      issuer: '示例市消费者协会',
      status: 'published',
      published_at: publishedAt,
      urgent_notified_at: publishedAt,
      created_by: null,
      source_report_id: null,
      created_at: publishedAt,
      updated_at: publishedAt,
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < WARNINGS; i += 200) {
      await trx
        .insertInto('warnings')
        .values(Array.from({ length: Math.min(200, WARNINGS - i) }, (_, k) => row(i + k)) as never)
        .execute()
    }
  })
  return ids
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
