import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import type { CreditIndex, RankingExport, RankingResponse } from '../../../src/contract/credit-index'
import type { RankedEnterprise } from '../../../src/contract/credit-ranking'
import { previousMonth } from '../../../src/contract/credit-ranking'
import { chinaDate, chinaMidnight } from '../china-time'
import { seedDemoRankings } from '../seed/credit-rankings'
import { seedDemoData } from '../seed/demo'
import { insertComplaintAbout } from './support/enterprises'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../../..')

describe(`public enterprise index and monthly 红榜/黑榜 (${TEST_DB})`, () => {
  let t: TestApp
  let lastMonth: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    await seedDemoRankings(t.ctx.db, t.ctx.now())
    lastMonth = previousMonth(chinaDate(t.ctx.now()).slice(0, 7))
  })
  after(() => t.close())

  const idOf = async (name: string) => (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  const get = async <T>(url: string) => {
    const response = await t.app.inject({ url })
    assert.equal(response.statusCode, 200, response.body)
    return response.json() as T
  }
  const names = (rows: RankingResponse['red']) => rows.map((row) => `${row.place}. ${row.name} ${row.score}`)

  test('last month by default: best answered and settled on the 红榜, unanswered deadlines on the 黑榜', async () => {
    const ranking = await get<RankingResponse>('/api/credit/rankings')
    assert.equal(ranking.month, lastMonth)
    assert.deepEqual(names(ranking.red), ['1. 羊城鲜果连锁有限公司 100', '2. 鹏城数码家电有限公司 85', '3. 申城云购电子商务有限公司 73.3', '4. 西湖畔茶食品有限公司 68'])
    // 深蓝速运: 100 × (0.4 × 3/7 + 0.6 × 1/7) − 10 × 2 unanswered deadlines = 5.7.
    assert.deepEqual(names(ranking.black), ['1. 深蓝速运网络科技有限公司 5.7', '2. 粤康保健品贸易有限公司 28'])
    assert.deepEqual(ranking.regions, ['上海市', '广州市', '杭州市', '深圳市'])
    assert.equal(ranking.months[0], lastMonth)
  })

  test('each industry and each city has boards of its own', async () => {
    const online = await get<RankingResponse>(`/api/credit/rankings?month=${lastMonth}&industry=online_shopping`)
    assert.deepEqual([names(online.red), names(online.black)], [['1. 申城云购电子商务有限公司 73.3'], ['1. 深蓝速运网络科技有限公司 5.7']])
    const shenzhen = await get<RankingResponse>(`/api/credit/rankings?region=${encodeURIComponent('深圳市')}`)
    assert.deepEqual([names(shenzhen.red), names(shenzhen.black)], [['1. 鹏城数码家电有限公司 85'], ['1. 深蓝速运网络科技有限公司 5.7']])
    const both = await get<RankingResponse>(`/api/credit/rankings?industry=online_shopping&region=${encodeURIComponent('上海市')}`)
    assert.deepEqual([names(both.red), names(both.black)], [['1. 申城云购电子商务有限公司 73.3'], []])
  })

  test('a month is ranked once: later changes to its complaints do not edit the stored boards', async () => {
    const before = await get<RankingResponse>('/api/credit/rankings')
    const id = await idOf('粤康保健品贸易有限公司')
    const inMonth = new Date(chinaMidnight(`${lastMonth}-20`).getTime() + 3600_000).toISOString()
    for (let i = 0; i < 5; i++) await insertComplaintAbout(t, id, { status: 'resolved', createdAt: inMonth, firstResponseAt: inMonth })
    const afterwards = await get<RankingResponse>('/api/credit/rankings')
    assert.deepEqual(afterwards, before)
    const months = await t.ctx.db.selectFrom('credit_ranking_months').select('month').where('month', '=', lastMonth).execute()
    assert.equal(months.length, 1)
  })

  test('two requests at once for a month not yet ranked compute it once and answer alike', async () => {
    const month = previousMonth(previousMonth(lastMonth))
    const id = await idOf('前海安泰保险代理有限公司')
    const inMonth = new Date(chinaMidnight(`${month}-02`).getTime() + 3600_000).toISOString()
    for (let i = 0; i < 5; i++) await insertComplaintAbout(t, id, { status: 'resolved', createdAt: inMonth, firstResponseAt: inMonth })
    const answers = await Promise.all([0, 1, 2].map(() => t.app.inject({ url: `/api/credit/rankings?month=${month}` })))
    for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body)
    assert.deepEqual(answers[1]!.json(), answers[0]!.json())
    assert.deepEqual(answers[2]!.json(), answers[0]!.json())
    const rows = await t.ctx.db.selectFrom('credit_rankings').select(['board', 'place']).where('month', '=', month).where('industry', '=', '').where('region', '=', '').execute()
    assert.deepEqual(rows.map((row) => `${row.board}${row.place}`).sort(), ['red1'])
    assert.deepEqual(names((answers[0]!.json() as RankingResponse).red), ['1. 前海安泰保险代理有限公司 100'])
  })

  test('the month under way, a future month, a bad month and one too old are refused with a Chinese message', async () => {
    const thisMonth = chinaDate(t.ctx.now()).slice(0, 7)
    for (const [month, message] of [
      [thisMonth, /还没有结束/],
      ['2099-01', /还没有结束/],
      ['2019-01', /最近 24 个月/],
      ['2026-13', /[\u4e00-\u9fa5]/],
    ] as const) {
      const response = await t.app.inject({ url: `/api/credit/rankings?month=${month}` })
      assert.equal(response.statusCode, 400, month)
      assert.equal(response.json().code, 'VALIDATION_FAILED')
      assert.match(response.json().message, message)
      const exported = await t.app.inject({ url: `/api/credit/rankings/${month}/inputs` })
      assert.equal(exported.statusCode, 400, month)
    }
    const unknownIndustry = await t.app.inject({ url: '/api/credit/rankings?industry=weapons' })
    assert.equal(unknownIndustry.statusCode, 400)
  })

  test('anyone can recompute the boards from the export with the published script, and get the same places', async () => {
    const exported = await get<RankingExport>(`/api/credit/rankings/${lastMonth}/inputs`)
    // Names and counts only: nothing about a person.
    assert.deepEqual(Object.keys(exported.inputs[0]!).sort(), ['enterpriseId', 'industry', 'name', 'received', 'region', 'responded', 'settled', 'unanswered'])
    assert.doesNotMatch(JSON.stringify(exported), /1[3-9]\d{9}/)
    const dir = await mkdtemp(path.join(tmpdir(), 'ranking-'))
    const file = path.join(dir, `${lastMonth}.json`)
    await writeFile(file, JSON.stringify(exported))
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/credit/ranking.ts', file], { cwd: ROOT })
    const recomputed = JSON.parse(stdout) as { month: string; boards: RankedEnterprise[] }
    assert.equal(recomputed.month, lastMonth)
    const scopes: Array<[string, string]> = [['', ''], ['online_shopping', ''], ['', '深圳市'], ['food', '广州市']]
    for (const [industry, region] of scopes) {
      const api = await get<RankingResponse>(`/api/credit/rankings?month=${lastMonth}${industry ? `&industry=${industry}` : ''}${region ? `&region=${encodeURIComponent(region)}` : ''}`)
      const script = recomputed.boards.filter((row) => row.industry === industry && row.region === region)
      const fromScript = (board: string) => script.filter((row) => row.board === board).map((row) => ({ place: row.place, enterpriseId: row.enterpriseId, name: row.name, score: row.scoreTenths / 10 }))
      assert.deepEqual([fromScript('red'), fromScript('black')], [api.red, api.black], `${industry}/${region}`)
    }
    const { stdout: text } = await run(process.execPath, ['--import', 'tsx', 'scripts/credit/ranking.ts', file, '--text', '--industry', 'online_shopping', '--region', '深圳市'], { cwd: ROOT })
    assert.equal(text.trim(), '黑榜\tonline_shopping\t深圳市\t第 1 名\t深蓝速运网络科技有限公司\t5.7 分')
  })

  test('an enterprise page: complaints per month, trend, and its place on last month\'s 红榜', async () => {
    const index = await get<CreditIndex>(`/api/credit/enterprises/${await idOf('鹏城数码家电有限公司')}`)
    assert.equal(index.months.length, 12)
    assert.equal(index.months.at(-2)!.month, lastMonth)
    assert.equal(index.months.at(-2)!.received, 8)
    assert.deepEqual(
      index.months.filter((row) => row.received > 0).map((row) => row.received),
      [4, 2, 3, 8],
    )
    // Last 3 whole months: 3 + 8; the 3 before: 2 + 4 (the month under way is left out).
    assert.deepEqual([index.trend.recent, index.trend.previous, index.trend.recentTo], [11, 6, lastMonth])
    assert.equal(index.enoughData, true)
    assert.deepEqual(index.ranking.places[0], { board: 'red', place: 2, industry: '', region: '' })
    assert.ok(index.ranking.places.some((place) => place.region === '深圳市' && place.place === 1))
    // No follow-up recorded yet: no performed rate, the page says settled only.
    assert.deepEqual(index.performance, { performed: 0, unperformed: 0, rate: null })
    assert.match(index.definitions.performance, /还没有履行确认时只显示和解数/)
  })

  test('mediation success is counted from mediations with a result; below 5 complaints only counts are shown', async () => {
    const id = await idOf('博学堂教育科技有限公司')
    const at = '2026-06-10T02:00:00.000Z'
    await insertComplaintAbout(t, id, { status: 'closed', createdAt: at, columns: { mediation_result: 'succeeded' } })
    await insertComplaintAbout(t, id, { status: 'mediation_failed', createdAt: at, columns: { mediation_result: 'failed' } })
    let index = await get<CreditIndex>(`/api/credit/enterprises/${id}`)
    assert.equal(index.enoughData, false)
    assert.deepEqual(index.mediation, { succeeded: 1, ended: 2, rate: null })
    assert.deepEqual(index.ranking.places, [])
    for (let i = 0; i < 3; i++) await insertComplaintAbout(t, id, { status: 'closed', createdAt: at, columns: { mediation_result: i ? 'succeeded' : null } })
    index = await get<CreditIndex>(`/api/credit/enterprises/${id}`)
    assert.equal(index.enoughData, true)
    assert.deepEqual(index.mediation, { succeeded: 3, ended: 4, rate: 0.75 })
    const missing = await t.app.inject({ url: '/api/credit/enterprises/no-such-enterprise' })
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.json().code, 'NOT_FOUND')
  })

  test('no route writes, edits or removes a ranking', async () => {
    await t.app.ready()
    const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths
    const creditOperations = Object.entries(paths)
      .filter(([route]) => route.startsWith('/api/credit/'))
      .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method} ${route}`))
    assert.deepEqual(creditOperations.sort(), ['get /api/credit/enterprises/{id}', 'get /api/credit/rankings', 'get /api/credit/rankings/{month}/inputs'])
    const deletion = await t.app.inject({ method: 'DELETE', url: `/api/credit/rankings?month=${lastMonth}` })
    assert.ok(deletion.statusCode === 404 || deletion.statusCode === 405, String(deletion.statusCode))
  })
})
