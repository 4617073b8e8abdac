/**
 * The association's statistics on the H5 app, against the real server (fresh database, demo
 * accounts) in Chromium emulating an iPhone 13: the tiles show a complaint filed through the API,
 * and 导出 CSV saves a file (fetched with the Authorization header, saved from a Blob) that starts
 * with the UTF-8 BOM Excel needs. The demo network's roll-up figures: the province sees its cities
 * side by side, a city its counties, a county itself, on a phone, at 200 % text and at a desk; each
 * sees the service stations of its subtree with the cases filed at them by month.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/statistics.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { countTargets, layoutProblems } from './support/layout'
import { button, screen, signInAs } from './support/taro'
import { CONSUMER, STAFF } from './support/routes'

const STATISTICS = '/packages/staff/pages/statistics/index'

describe('投诉统计（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  const login = (phone: string) => server.signIn(phone)

  test('工作人员看到统计数字，并在网页版导出 CSV', async (t) => {
    const consumer = await login(CONSUMER)
    const staff = await login(STAFF)
    const created = await fetch(`${server.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        business: { name: '=老街小吃店' },
        industry: 'food',
        incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        amountFen: 12850,
        description: '买到的牛奶已经过期三天了，商家拒绝退款，态度也很差。',
        demands: ['refund'],
        evidenceIds: [],
        contactPhone: CONSUMER,
        consentToShare: true,
      }),
    })
    assert.equal(created.status, 201, await created.text())

    await onPhone({ t, name: 'statistics-staff', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.goto('/')
      await page.evaluate((state) => {
        localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
      }, staff)
      await page.goto(STATISTICS)
      const view = screen(page, STATISTICS)
      await view.getByText('收到投诉', { exact: true }).waitFor()
      await view.getByText(/^统计范围：\S+/).first().waitFor()
      // The top ten businesses of the demo data (its monthly rankings file many complaints about 鹏城数码家电);
      // the one-complaint '=老街小吃店' is checked in the CSV below, where a leading '=' matters.
      for (const text of ['已办结', '办结率', '挽回经济损失', '按行业', '食品', '按月份', '被投诉最多的企业', '鹏城数码家电有限公司', '超期未办']) {
        await view.getByText(text).first().waitFor()
      }
      await screenshot('s01-staff-statistics', { fullPage: true })

      const [download] = await Promise.all([page.waitForEvent('download'), button(view, '导出投诉明细 CSV').tap()])
      assert.match(download.suggestedFilename(), /^weiquan-complaints-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
      const bytes = readFileSync((await download.path())!)
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
      const text = bytes.subarray(3).toString('utf8')
      assert.match(text, /^投诉编号,提交日期,状态/)
      assert.match(text, /,'=老街小吃店,/)
    })
  })

  /** Demo staff of the province, a city and a county (server/src/seed/demo.ts); the demo cases are in the four counties. */
  const PROVINCE_STAFF = '13800000011'
  const CITY_STAFF = '13800000012'
  const COUNTY_STAFF = '13800000013'

  test('上报数字：省看各市并列，市看各区县并列，区县只看自己；手机、200% 字号、电脑', async (t) => {
    const province = await login(PROVINCE_STAFF)
    await onPhone({ t, name: 'figures-province', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, province)
      await page.goto(STATISTICS)
      const view = screen(page, STATISTICS)
      await view.getByText('下级机构对比').waitFor()
      for (const text of ['统计范围：示例省消费者协会（含下级）', '示例省杭州市消费者协会（含下级）', '示例省宁波市消费者协会（含下级）', '按期办结率', '调解成功率', '按月份', '按行业']) {
        await view.getByText(text).first().waitFor()
      }
      // Rates with the counts they come from; the table under the chart has the same numbers.
      await view.getByText('按期 9 / 办结 11 件').waitFor()
      await view.getByText('成功 5 / 调解结束 7 件').waitFor()
      assert.equal(await view.locator('[role="table"][aria-label="下级机构对比"] [role="row"]').count(), 3)
      await screenshot('s02-figures-province', { fullPage: true })
      // The page scrolls inside Taro's page element: each chart is brought into view for its screenshot.
      for (const [heading, shot] of [['下级机构对比', 's02b-figures-province-cities'], ['按月份', 's02c-figures-province-months'], ['按行业', 's02d-figures-province-industries']] as const) {
        await view.getByText(heading, { exact: true }).first().evaluate((el) => el.scrollIntoView({ block: 'start' }))
        await screenshot(shot)
      }
      const [download] = await Promise.all([page.waitForEvent('download'), button(view, '导出上报数字 CSV').tap()])
      assert.match(download.suggestedFilename(), /^weiquan-figures-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
      const bytes = readFileSync((await download.path())!)
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
      const text = bytes.subarray(3).toString('utf8')
      assert.match(text, /^分组,名称,收到（件）,受理（件）,办结（件）/)
      assert.match(text, /\r\n合计,示例省消费者协会（含下级）,17,7,11,1,68\.8%,9,81\.8%,7,5,71\.4%,10443\r\n/)
      assert.match(text, /\r\n下级机构,示例省杭州市消费者协会（含下级）,12,/)
      // After an empty line, the stations of the province (the four demo stations and more) by month.
      assert.match(text, /\r\n\r\n服务站代办（件）,所属机构,(\d{4}年\d{1,2}月,){12}合计\r\n/)
      assert.match(text, /\r\n鼓楼市场监管所维权服务站,宁波市海曙区消费者协会,(\d+,){12}\d+\r\n/)
    })

    const city = await login(CITY_STAFF)
    await onPhone({ t, name: 'figures-city-200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await signInAs(page, city)
      await page.goto(STATISTICS)
      const view = screen(page, STATISTICS)
      await view.getByText('杭州市西湖区消费者协会（含下级）').first().waitFor()
      await view.getByText('杭州市上城区消费者协会（含下级）').first().waitFor()
      assert.equal(await view.getByText('示例省宁波市消费者协会').count(), 0)
      await page.waitForTimeout(300)
      const problems = await layoutProblems(page, { tapTargets: 'taro-button-core, .queue-filter', mainActions: 'taro-button-core' })
      assert.ok((await countTargets(page, 'taro-button-core, .queue-filter')) > 0)
      assert.deepEqual(problems, [])
      await screenshot('s03-figures-city-200-percent', { fullPage: true })
      await view.getByText('下级机构对比', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('s03b-figures-city-200-percent-counties')
      // The city's stations (西湖区, 上城区), each month named beside its number; not Ningbo's.
      const stations = view.locator('[role="table"][aria-label="各服务站代办件数"]')
      await stations.getByText('湖滨社区消费维权服务站').waitFor()
      await stations.getByText('文三路消费维权服务站').waitFor()
      assert.equal(await stations.getByText('鼓楼市场监管所维权服务站').count(), 0)
      await view.getByText('按服务站（代办立案）', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('s03c-figures-city-200-percent-stations')
      await stations.getByText('湖滨社区消费维权服务站').evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('s03d-figures-city-200-percent-station-card')
    })

    const county = await login(COUNTY_STAFF)
    await onPhone({ t, name: 'figures-county-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, county)
      await page.goto(STATISTICS)
      const view = screen(page, STATISTICS)
      await view.getByText('按期办结率').first().waitFor()
      await view.getByText('统计范围：杭州市西湖区消费者协会').waitFor()
      assert.equal(await view.getByText('下级机构对比').count(), 0)
      assert.equal(await view.getByText('杭州市上城区消费者协会').count(), 0)
      await view.getByText('按期 3 / 办结 4 件').waitFor()
      await screenshot('s04-figures-county-1280', { fullPage: true })
      await view.getByText('按月份', { exact: true }).first().evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('s04b-figures-county-1280-months')
      await view.getByText('按服务站（代办立案）', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await view.locator('[role="table"][aria-label="各服务站代办件数"]').getByText('文三路消费维权服务站').waitFor()
      // The demo has no walk-in filings: no empty bars, a sentence instead; the table still lists the stations.
      await view.getByText('这段时间各服务站还没有代办立案的投诉。').waitFor()
      await screenshot('s04c-figures-county-1280-stations')
    })
  })
})
