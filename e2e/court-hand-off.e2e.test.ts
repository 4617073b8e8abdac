/**
 * The court hand-off (issue #17) on the H5 app against the real server: at a desk the mediator registers
 * the court's referral on a case in mediation and, after mediation failed, issues the 支持诉讼函 (with a
 * confirmation); on a phone the consumer sees the court's deadline and downloads the letter. A court
 * case never filed with us is registered through 登记法院委托案件 (a taken case number is shown beside
 * its field) and waits in the queue with the 法院委托 tag.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/court-hand-off.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { fileCaseInMediation } from './support/mediation'
import { useServerAndBrowser } from './support/suite'
import { button, modalConfirm, screen, signInAs } from './support/taro'
import { COMPLAINT_DETAIL, CONSUMER, LIAISON, STAFF, STAFF_WORKSPACE } from './support/routes'

const STAFF_COMPLAINT = '/packages/staff/pages/complaint/index'
const COURT_CASE = '/packages/staff/pages/court-case/index'
const CASE_NUMBER = '（2026）浙0106民诉前调1234号'

describe('法院对接：诉前委托调解、支持诉讼函（H5）', () => {
  const server = useServerAndBrowser()
  // One sign-in for both stories: a second code for the same phone within a minute is refused.
  let staffSession: Awaited<ReturnType<typeof server.signIn>> | undefined
  const signInStaff = async () => (staffSession ??= await server.signIn(STAFF))

  test('调解员登记法院委托、调解未成功后出具支持诉讼函，消费者看到法院期限并下载', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const liaison = await server.signIn(LIAISON)
    const staff = await signInStaff()
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

  test('工作人员登记没在本会投诉过的法院委托案件：案号重复时在案号旁提示，登记后进入队列并带“法院委托”', async (t) => {
    const staff = await signInStaff()
    const taken = '（2026）浙0106民诉前调2001号'
    const first = await server.api('POST', '/staff/court-referrals', {
      token: staff.accessToken,
      body: {
        referral: { courtName: '杭州市西湖区人民法院', courtCaseNumber: taken, receivedOn: '2026-01-05', courtDeadline: '2026-02-04' },
        consumer: { phone: '13912340001', name: '李先生' },
        business: { name: '某某装修公司' },
        industry: 'renovation',
        incidentDate: '2025-12-20',
        amountFen: 500_000,
        description: '装修完工后墙面大面积开裂，公司拒绝返修，消费者已向法院起诉，法院委托消协调解。',
        demands: ['repair'],
      },
    })
    assert.equal(first.status, 201, JSON.stringify(first.body))

    let number = ''
    await onPhone({ t, name: 'court-new-case-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot, allowConsoleError }) => {
      allowConsoleError(/status of 409.*@ .*\/api\/staff\/court-referrals$/)
      await signInAs(page, staff)
      await page.goto(STAFF_WORKSPACE)
      await screen(page, STAFF_WORKSPACE).getByRole('button', { name: '登记法院委托案件' }).click()
      const form = screen(page, COURT_CASE)
      const field = (label: string, tag = 'input') => form.getByLabel(label, { exact: true }).locator(tag)
      const pickDate = async (label: RegExp) => {
        await form.getByRole('button', { name: label }).tap()
        await page.locator('.weui-picker__action:visible').filter({ hasText: /确定/ }).first().tap()
      }
      await field('委托法院').fill('杭州市西湖区人民法院')
      await field('法院案号').fill('(2026)浙0106民初2001号')
      await form.getByText(/案号格式不对/).waitFor()
      await field('法院案号').fill('(2026)浙0106民诉前调2001号')
      await form.getByText(`✓ 格式正确：${taken}`).waitFor()
      await pickDate(/^法院期限/)
      await field('消费者手机号').fill('13912340002')
      await field('消费者称呼').fill('赵女士')
      await field('商家名称').fill('某某家电城')
      await form.getByRole('radio', { name: '家电' }).tap()
      await pickDate(/^发生日期/)
      await field('涉及金额（元）').fill('3280.5')
      await field('纠纷经过', 'textarea').fill('在家电城买的空调安装后不制冷，多次报修没有修好，商家拒绝退货，法院委托消协先行调解。')
      await form.getByRole('checkbox', { name: '退货' }).tap()
      await form.getByText('法院委托函').scrollIntoViewIfNeeded()
      await screenshot('court-03-new-case-form')
      await button(form, '下一步：核对').tap()
      await form.getByText('3280.50 元').waitFor()
      await screenshot('court-04-new-case-review')
      await button(form, '确认登记并立案').tap()
      await form.getByText('这个法院案号已经登记过了，请核对案号').waitFor()

      await field('法院案号').fill('（2026）浙0106民诉前调2002号')
      await button(form, '下一步：核对').tap()
      await button(form, '确认登记并立案').tap()
      await form.getByText('已登记并立案').waitFor()
      number = (await form.locator('.court-new__number').innerText()).trim()
      assert.match(number, /^WQ\d+/)
      await screenshot('court-05-new-case-filed')
      await button(form, '打开案件').tap()
      await screen(page, STAFF_COMPLAINT).getByText('案号：（2026）浙0106民诉前调2002号').waitFor()
      await page.goto(STAFF_WORKSPACE)
      await screen(page, STAFF_WORKSPACE).locator('tr', { hasText: number }).locator('.queue-court', { hasText: '法院委托' }).waitFor()
    })

    for (const [name, defaultFontSize] of [['court-new-case-phone', undefined], ['court-new-case-text200', 32]] as const) {
      await onPhone({ t, name, baseUrl: server.baseUrl, ...(defaultFontSize ? { defaultFontSize } : {}) }, async ({ page, screenshot }) => {
        await signInAs(page, staff)
        await page.goto(COURT_CASE)
        await screen(page, COURT_CASE).getByLabel('法院案号', { exact: true }).locator('input').fill('(2026)浙0106民诉前调3')
        await screenshot(`${name}-form`)
        if (defaultFontSize) return
        await page.goto(STAFF_WORKSPACE)
        const card = screen(page, STAFF_WORKSPACE).locator(`[data-complaint="${number}"]`)
        await card.getByText(/法院委托 · 法院期限 \d{4}-\d{2}-\d{2}/).waitFor()
        await card.scrollIntoViewIfNeeded()
        await screenshot(`${name}-queue`)
      })
    }
  })
})
