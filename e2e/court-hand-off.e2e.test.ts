/**
 * The court hand-off (issue #17) on the H5 app against the real server: at a desk the mediator registers
 * the court's referral on a case in mediation and, after mediation failed, issues the 支持诉讼函 (with a
 * confirmation); on a phone the consumer sees the court's deadline and downloads the letter.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/court-hand-off.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { fileCaseInMediation } from './support/mediation'
import { useServerAndBrowser } from './support/suite'
import { button, modalConfirm, screen, signInAs } from './support/taro'
import { COMPLAINT_DETAIL, CONSUMER, LIAISON, STAFF } from './support/routes'

const STAFF_COMPLAINT = '/packages/staff/pages/complaint/index'
const CASE_NUMBER = '（2026）浙0106民诉前调1234号'

describe('法院对接：诉前委托调解、支持诉讼函（H5）', () => {
  const server = useServerAndBrowser()

  test('调解员登记法院委托、调解未成功后出具支持诉讼函，消费者看到法院期限并下载', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const liaison = await server.signIn(LIAISON)
    const staff = await server.signIn(STAFF)
    const complaint = await fileCaseInMediation(server, { consumer, liaison, staff }, {
      amountFen: 128_000,
      description: '在超市买的礼盒茶叶打开就发霉了，商家不肯退货，已经向法院起诉，法院委托消协先调解。',
      daysAgo: 3,
    })

    await onPhone({ t, name: 'court-mediator', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(`${STAFF_COMPLAINT}?id=${complaint.id}`)
      const desk = screen(page, STAFF_COMPLAINT)
      await button(desk, '登记法院委托').tap()
      await desk.getByLabel('委托法院').locator('input').fill('杭州市西湖区人民法院')
      await desk.getByLabel('法院案号').locator('input').fill('(2026)浙0106民诉前调1234号')
      await desk.getByText('请选择日期').tap()
      await page.locator('.weui-picker__action:visible').filter({ hasText: /确定/ }).first().tap()
      await button(desk, '登记法院委托').last().tap()
      await desk.getByText(`案号：${CASE_NUMBER}`).waitFor()
      await desk.getByText(/法院期限：\d{4}-\d{2}-\d{2}/).waitFor()
      await screenshot('court-01-referral-registered')

      const failed = await server.api('POST', `/complaints/${complaint.id}/actions/mediation_failed`, {
        token: staff.accessToken,
        body: { advice: 'support_litigation_letter', note: '商家拒绝退货，消费者决定起诉' },
      })
      assert.equal(failed.status, 200, JSON.stringify(failed.body))
      await page.reload()
      await button(desk, '出具支持诉讼函').tap()
      await modalConfirm(page, '确认出具').tap()
      await desk.getByText('支持诉讼函已出具').waitFor()
      await desk.getByText(/函号：支诉〔\d{4}〕WQ\d+号/).waitFor()
      await screenshot('court-02-letter-issued')
    })

    for (const [name, defaultFontSize] of [['court-consumer', undefined], ['court-consumer-text200', 32]] as const) {
      await onPhone({ t, name, baseUrl: server.baseUrl, ...(defaultFontSize ? { defaultFontSize } : {}) }, async ({ page, screenshot }) => {
        await signInAs(page, consumer)
        await page.goto(`${COMPLAINT_DETAIL}?id=${complaint.id}`)
        const detail = screen(page, COMPLAINT_DETAIL)
        await detail.getByText(`案号：${CASE_NUMBER}`).waitFor()
        await detail.getByText('支持诉讼函已出具').scrollIntoViewIfNeeded()
        if (!defaultFontSize) {
          const download = page.waitForEvent('download')
          await button(detail, '下载支持诉讼函').tap()
          assert.match((await download).suggestedFilename(), /\.pdf$/)
          await detail.getByText(/已下载/).waitFor()
        }
        await screenshot(`${name}-letter`)
      })
    }
  })
})
