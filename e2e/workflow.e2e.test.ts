/**
 * The complaint workflow on the H5 app, against the real server (fresh database, demo accounts) in
 * Chromium emulating an iPhone 13: a consumer's ODR complaint reaches the enterprise liaison's inbox
 * with its deadline in words; the liaison proposes a refund (yuan in, fen out); the consumer sees the
 * proposal, turns it down with a reason, and the complaint lands in the association's queue; staff
 * take it on, and after mediation the consumer rates the handling with big stars.
 * The complaint and the sessions are made through the API; the screens under test are driven by taps.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/workflow.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import type { ApiSession } from './support/server'
import { button, screen, toastGone } from './support/taro'
import { COMPLAINT_DETAIL as DETAIL, CONSUMER, ENTERPRISE_COMPLAINT as HANDLE, ENTERPRISE_INBOX as INBOX, LIAISON, STAFF, STAFF_COMPLAINT, STAFF_WORKSPACE as QUEUE } from './support/routes'
import { clearDemoQueue } from './support/network'


describe('投诉处理流程（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  const login = (phone: string) => server.signIn(phone)

  /** What zustand persist would have written after a login in this browser. */
  async function signInBrowser(page: Page, session: ApiSession) {
    await page.goto('/')
    await page.evaluate((state) => {
      localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
    }, session)
  }

  test('企业收到投诉并提出方案；消费者不接受，转到消协待受理', async (t) => {
    const consumer = await login(CONSUMER)
    const liaison = await login(LIAISON)
    const staff = await login(STAFF)
    await clearDemoQueue(server, staff)
    const enterprise = liaison.user.enterprise
    assert.ok(enterprise, 'the demo liaison belongs to an enterprise')

    const created = await fetch(`${server.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        business: { name: enterprise.name, enterpriseId: enterprise.id },
        industry: 'food',
        incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        amountFen: 12850,
        description: '买到的牛奶已经过期三天了，商家拒绝退款，态度也很差。',
        demands: ['refund'],
        evidenceIds: [],
        contactPhone: CONSUMER,
        consentToShare: true,
        path: 'odr',
      }),
    })
    const complaint = (await created.json()) as { id: string; status: string }
    assert.equal(created.status, 201, JSON.stringify(complaint))
    assert.equal(complaint.status, 'enterprise_handling')

    await onPhone({ t, name: 'workflow-enterprise', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, liaison)
      await page.goto(`${INBOX}`)
      const inbox = screen(page, INBOX)
      await inbox.getByText('企业答复期限').waitFor()
      await inbox.getByText(/剩余 \d+ 个工作日/).first().waitFor()
      await screenshot('w01-enterprise-inbox')

      await inbox.locator('.complaint-item').first().tap()
      const handle = screen(page, HANDLE)
      await button(handle, '提出解决方案').waitFor()
      await handle.getByText(CONSUMER).waitFor()
      await screenshot('w02-enterprise-detail')

      await button(handle, '提出解决方案').tap()
      await button(handle, '提交方案').tap()
      await handle.getByText('请填写解决方案').waitFor()
      await handle.locator('textarea').first().fill('全额退款 128.5 元，并当面道歉')
      await handle.locator('taro-input-core input').first().fill('128.5')
      // corrected fields lose their error at once
      assert.equal(await handle.getByText('请填写解决方案').count(), 0)
      assert.equal(await handle.getByText('请填写金额，没有可填 0').count(), 0)
      // The date picker is Taro's own H5 picker: open it and take the first day offered (today).
      await handle.locator('.picker-value').tap()
      await page.locator('.weui-picker__action').filter({ hasText: '确定' }).tap()
      await screenshot('w03-enterprise-proposal-form', { fullPage: true })
      await button(handle, '提交方案').tap()
      await handle.getByText('企业提出的方案').waitFor()
      assert.match(await handle.innerText(), /128\.50 元/)
    })

    const after = await server.api('GET', `/complaints/${complaint.id}`, { token: consumer.accessToken })
    const detail = after.body as { status: string; handling: { proposal: { amountFen: number } | null } }
    assert.equal(detail.status, 'enterprise_proposed')
    assert.equal(detail.handling.proposal?.amountFen, 12850)

    await onPhone({ t, name: 'workflow-consumer', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await page.goto(`${DETAIL}?id=${complaint.id}`)
      const view = screen(page, DETAIL)
      await button(view, '接受方案').waitFor()
      await screenshot('w04-consumer-proposal')
      await button(view, '不接受（转消协调解）').tap()
      await button(view, '确认不接受，转消协调解').tap()
      await view.getByText('请写下不接受的理由').waitFor()
      await view.locator('textarea[aria-label="不接受的理由"], taro-textarea-core[aria-label="不接受的理由"] textarea').first().fill('只退一半不行，我要求全额退款')
      await button(view, '确认不接受，转消协调解').tap()
      await view.locator('.status-chip').filter({ hasText: '等待消协受理' }).waitFor()
    })

    await onPhone({ t, name: 'workflow-staff', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, staff)
      await page.goto(`${QUEUE}`)
      const queue = screen(page, QUEUE)
      await queue.locator('.complaint-item').first().waitFor()
      await queue.getByText('消协受理审查期限').waitFor()
      const box = await queue.locator('.queue-filter').first().boundingBox()
      assert.ok(box && box.height >= 48, `filter chip is ${box?.height} px tall`)
      await toastGone(page)
      await screenshot('w05-staff-queue')

      await queue.locator('.complaint-item').first().tap()
      const handle = screen(page, STAFF_COMPLAINT)
      await button(handle, /^受理$/).waitFor()
      await handle.getByText(CONSUMER).waitFor()
      await button(handle, '不予受理').tap()
      await button(handle, '确认不予受理').tap()
      await handle.getByText('请选择不予受理的理由').waitFor()
      await handle.locator('.choice-list').scrollIntoViewIfNeeded()
      const ground = handle.locator('.choice-list .chip').first()
      const groundBox = await ground.boundingBox()
      const formBox = await handle.locator('.choice-list').boundingBox()
      assert.ok(groundBox && formBox && groundBox.width > formBox.width * 0.9, 'each legal ground has a full-width row')
      await screenshot('w06-staff-reject-form')
      await button(handle, '取消').tap()
      await button(handle, '分配给我').tap()
      await button(handle, '分配给我').waitFor({ state: 'detached' })
      await toastGone(page)
      await button(handle, /^受理$/).tap()
      await button(handle, '确认受理').tap()
      await button(handle, '开始调解').waitFor()
      await toastGone(page)
      await screenshot('w07-staff-accepted')
    })

    for (const [action, body] of [
      ['start_mediation', {}],
      ['mediation_succeeded', { agreement: '商家全额退款 128.5 元', recoveredAmountFen: 12850 }],
    ] as const) {
      const { status, body: answer } = await server.api('POST', `/complaints/${complaint.id}/actions/${action}`, { token: staff.accessToken, body })
      assert.equal(status, 200, JSON.stringify(answer))
    }

    await onPhone({ t, name: 'workflow-rating', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await page.goto(`${DETAIL}?id=${complaint.id}`)
      const view = screen(page, DETAIL)
      await view.getByText('给这次处理打分').waitFor()
      const stars = view.locator('.star')
      assert.equal(await stars.count(), 5)
      const box = await stars.first().boundingBox()
      assert.ok(box && box.width >= 48 && box.height >= 48, `a star is ${box?.width}×${box?.height} px`)
      await stars.nth(4).tap()
      await view.getByText('很满意').waitFor()
      await view.locator('.star').first().scrollIntoViewIfNeeded()
      await screenshot('w08-consumer-rating')
      await button(view, '提交评价').tap()
      await view.getByText('您的评价').waitFor()
    })
  })
})
