/**
 * The association's statistics on the H5 app, against the real server (fresh database, demo
 * accounts) in Chromium emulating an iPhone 13: the tiles show a complaint filed through the API,
 * and 导出 CSV saves a file (fetched with the Authorization header, saved from a Blob) that starts
 * with the UTF-8 BOM Excel needs.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/statistics.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, screen } from './support/taro'
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
      for (const text of ['已办结', '办结率', '挽回经济损失', '按行业', '食品', '按月份', '被投诉最多的企业', '=老街小吃店', '超期未办']) {
        await view.getByText(text).first().waitFor()
      }
      await screenshot('s01-staff-statistics', { fullPage: true })

      const [download] = await Promise.all([page.waitForEvent('download'), button(view, '导出 CSV').tap()])
      assert.match(download.suggestedFilename(), /^weiquan-complaints-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
      const bytes = readFileSync((await download.path())!)
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
      const text = bytes.subarray(3).toString('utf8')
      assert.match(text, /^投诉编号,提交日期,状态/)
      assert.match(text, /,'=老街小吃店,/)
    })
  })
})
