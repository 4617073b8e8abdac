import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { StatisticsResponse } from '../../../src/contract/statistics'
import { insertComplaintAbout } from './support/enterprises'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { createCast, type Cast } from './support/workflow'

/** An instant given in China time, as the UTC ISO string the database holds. */
const china = (local: string) => new Date(`${local}+08:00`).toISOString()

describe(`staff statistics and CSV export (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast

  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '71')
    const a = cast.enterpriseId // 示例优选超市有限公司
    const b = cast.otherEnterpriseId // 快乐健身有限公司
    await insertComplaintAbout(t, a, {
      status: 'resolved',
      createdAt: china('2026-03-10T09:00:00'),
      rating: 5,
      columns: { industry: 'food', path: 'odr', closed_at: china('2026-03-20T15:00:00'), amount_fen: 12_050 },
    })
    // 01:00 on 1 April in China is still 31 March in UTC: it belongs to April.
    await insertComplaintAbout(t, a, {
      status: 'mediated',
      createdAt: china('2026-04-01T01:00:00'),
      columns: { industry: 'food', path: 'association', recovered_amount_fen: 12_345 },
    })
    await insertComplaintAbout(t, a, {
      status: 'closed',
      createdAt: china('2026-04-05T10:00:00'),
      columns: { industry: 'prepaid', path: 'association', recovered_amount_fen: 100_000, closed_at: china('2026-05-01T10:00:00') },
    })
    await insertComplaintAbout(t, b, {
      status: 'enterprise_handling',
      createdAt: china('2026-05-02T10:00:00'),
      columns: { industry: 'prepaid', path: 'odr', due_at: china('2026-06-01T23:59:59'), due_kind: 'enterprise_response' },
    })
    // Rejected: its recovered amount does not count, and its past deadline is not overdue.
    await insertComplaintAbout(t, b, {
      status: 'rejected',
      createdAt: china('2026-05-03T10:00:00'),
      columns: { industry: 'prepaid', path: 'odr', recovered_amount_fen: 500, due_at: china('2026-05-10T23:59:59'), due_kind: 'review' },
    })
    // Not in the directory; its name would run as a formula in Excel.
    await insertComplaintAbout(t, null, {
      status: 'accepted',
      createdAt: china('2026-05-20T10:00:00'),
      columns: { industry: 'other', path: 'association', business_name: '=HYPERLINK("http://evil.example")', due_at: china('2026-07-01T23:59:59'), due_kind: 'review' },
    })
    await insertComplaintAbout(t, null, {
      status: 'withdrawn',
      createdAt: china('2026-06-01T10:00:00'),
      columns: { industry: 'other', path: 'association', business_name: '老王 "正宗", 小吃\n二店', closed_at: china('2026-06-02T10:00:00') },
    })
    // Before the default range: not received in it, but still overdue now.
    await insertComplaintAbout(t, a, {
      status: 'mediating',
      createdAt: china('2025-01-10T10:00:00'),
      columns: { industry: 'food', path: 'association', due_at: china('2025-03-31T23:59:59'), due_kind: 'mediation' },
    })
    t.setNow(china('2026-06-15T10:00:00'))
  })
  after(() => t.close())

  const statistics = async (query = '', token = cast.staff.token) => {
    const response = await t.app.inject({ url: `/api/staff/statistics${query}`, headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json() as StatisticsResponse
  }

  test('the default range is the last 12 months in China time, and the figures match the complaints', async () => {
    const figures = await statistics()
    assert.equal(figures.from, '2025-07-01')
    assert.equal(figures.to, '2026-06-15')
    assert.equal(figures.received, 7)
    assert.equal(figures.closed, 4) // resolved, closed, rejected, withdrawn
    assert.equal(figures.closeRate, 0.571)
    assert.equal(figures.recoveredFen, 112_345) // mediated + closed; the rejected one's 500 is left out
    assert.deepEqual(figures.byIndustry, [
      { industry: 'prepaid', label: '预付式消费', received: 3, closed: 2, referred: 0 },
      { industry: 'food', label: '食品', received: 2, closed: 1, referred: 0 },
      { industry: 'other', label: '其他', received: 2, closed: 1, referred: 0 },
    ])
    assert.equal(figures.byMonth.length, 12)
    assert.deepEqual(figures.byMonth[0], { month: '2025-07', received: 0, closed: 0, referred: 0 })
    assert.deepEqual(figures.byMonth.slice(-4), [
      { month: '2026-03', received: 1, closed: 1, referred: 0 },
      { month: '2026-04', received: 2, closed: 1, referred: 0 },
      { month: '2026-05', received: 3, closed: 1, referred: 0 },
      { month: '2026-06', received: 1, closed: 1, referred: 0 },
    ])
    assert.deepEqual(figures.topEnterprises.slice(0, 2), [
      { enterpriseId: cast.enterpriseId, name: '示例优选超市有限公司', count: 3 },
      { enterpriseId: cast.otherEnterpriseId, name: '快乐健身有限公司', count: 2 },
    ])
    assert.equal(figures.topEnterprises.length, 4)
    assert.ok(figures.topEnterprises.slice(2).every((e) => e.enterpriseId === null && e.count === 1))
    assert.deepEqual(figures.overdue, { total: 2, enterpriseResponse: 1, review: 0, mediation: 1 })
    assert.deepEqual(figures.paths, { odr: 3, association: 4 })
    assert.equal(figures.referred, 0)
    assert.match(figures.definitions.closeRate, /办结率 = 已办结件数 ÷（收到投诉件数 − 已引导件数）/)
  })

  test('a chosen range counts by China date, inclusive at both ends', async () => {
    const april = await statistics('?from=2026-04-01&to=2026-04-30')
    assert.equal(april.received, 2)
    assert.equal(april.recoveredFen, 112_345)
    assert.deepEqual(april.byMonth, [{ month: '2026-04', received: 2, closed: 1, referred: 0 }])
    const empty = await statistics('?from=2020-01-01&to=2020-01-31')
    assert.equal(empty.received, 0)
    assert.equal(empty.closeRate, null)
    assert.deepEqual(empty.topEnterprises, [])
  })

  test('a reversed or malformed range is refused', async () => {
    for (const query of ['?from=2026-05-01&to=2026-04-01', '?from=2026-5-1', '?to=2026-02-30', '?from=2010-01-01&to=2026-01-01']) {
      const response = await t.app.inject({ url: `/api/staff/statistics${query}`, headers: bearer(cast.staff.token) })
      assert.equal(response.statusCode, 400, `${query}: ${response.body}`)
    }
  })

  test('consumers and enterprise liaisons get 403; without a session 401', async () => {
    for (const url of ['/api/staff/statistics', '/api/staff/statistics.csv']) {
      for (const token of [cast.consumer.token, cast.liaison.token]) {
        const response = await t.app.inject({ url, headers: bearer(token) })
        assert.equal(response.statusCode, 403, `${url}: ${response.body}`)
      }
      assert.equal((await t.app.inject({ url })).statusCode, 401)
    }
  })

  test('the CSV opens in Excel: BOM, header row, one row per complaint, escaping and no formulas', async () => {
    const response = await t.app.inject({ url: '/api/staff/statistics.csv?from=2026-03-01&to=2026-06-30', headers: bearer(cast.staff.token) })
    assert.equal(response.statusCode, 200, response.body)
    assert.match(response.headers['content-type'] as string, /^text\/csv; charset=utf-8/)
    assert.equal(response.headers['content-disposition'], 'attachment; filename="weiquan-complaints-2026-03-01-2026-06-30.csv"')
    const bytes = response.rawPayload
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    const lines = text.split('\r\n')
    assert.equal(lines[0], '投诉编号,提交日期,状态,处理途径,行业,企业,涉及金额（元）,挽回金额（元）,办结日期,评价,引导至')
    assert.equal(lines.at(-1), '')
    // Header, 7 complaints and the final line end; a newline inside a cell stays a bare \n in quotes.
    assert.equal(lines.length, 1 + 7 + 1)
    assert.match(lines[1]!, /^WQ\w+,2026-03-10,已和解,ODR 绿色通道,食品,示例优选超市有限公司,120\.50,,2026-03-20,5,$/)
    assert.match(lines[2]!, /,2026-04-01,调解成功,消协调解,食品,示例优选超市有限公司,10,123\.45,,,$/)
    assert.ok(text.includes(`,"'=HYPERLINK(""http://evil.example"")",`), 'formula cell is prefixed with an apostrophe and quoted')
    assert.ok(text.includes(',"老王 ""正宗"", 小吃\n二店",'), 'quotes, commas and newlines are escaped')
  })
})
