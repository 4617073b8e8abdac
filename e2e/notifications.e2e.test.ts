/**
 * Progress notifications on the H5 app, against the real server (fresh database, demo accounts) in
 * Chromium as an iPhone 13: the consumer keeps 消息 open; the enterprise liaison proposes a
 * solution through the API; without a reload the tab badge and the list show it within 2 s
 * (server-sent events). Tapping it opens the complaint; 全部已读 (confirmed) clears the badge.
 * Then the phone goes offline, a notification is made meanwhile, and back online it arrives. A
 * stream the server drops is reopened with a fresh ticket; without EventSource the app polls.
 * Also screenshots of the empty inbox and of 通知设置.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/notifications.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import type { ApiSession } from './support/server'
import { button, modal, modalConfirm, screen, tapTab } from './support/taro'
import { COMPLAINT_DETAIL as DETAIL, CONSUMER, ENTERPRISE_NAME, HOME, LIAISON, ME, MESSAGES, NOTIFICATION_SETTINGS as SETTINGS, VOLUNTEER } from './support/routes'


describe('进度通知（H5，iPhone 13）', () => {
  // SMS on, so 通知设置 has switches (WeChat needs real template ids and stays off here).
  const server = useServerAndBrowser({ env: { NOTIFY_SMS: 'true' } })

  // One SMS login per phone for the whole suite (a second code within a minute is refused).
  let people: Promise<{ consumer: ApiSession; liaison: ApiSession }> | undefined
  const consumerAndLiaison = () => (people ??= Promise.all([server.signIn(CONSUMER), server.signIn(LIAISON)]).then(([consumer, liaison]) => ({ consumer, liaison })))

  async function signInBrowser(page: Page, session: ApiSession) {
    await page.goto('/')
    await page.evaluate((state) => {
      localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
    }, session)
  }

  /** An ODR complaint by the consumer against the liaison's enterprise (示例优选超市有限公司). */
  async function fileComplaint(consumer: ApiSession, liaison: ApiSession, description: string) {
    const enterprise = liaison.user.enterprise
    assert.ok(enterprise, 'the demo liaison belongs to an enterprise')
    assert.equal(enterprise.name, ENTERPRISE_NAME)
    const response = await fetch(`${server.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        business: { name: enterprise.name, enterpriseId: enterprise.id },
        industry: 'food',
        incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        amountFen: 12850,
        description,
        demands: ['refund'],
        evidenceIds: [],
        contactPhone: consumer.user.phone ?? CONSUMER,
        consentToShare: true,
        path: 'odr',
      }),
    })
    const complaint = (await response.json()) as { id: string; number: string }
    assert.equal(response.status, 201, JSON.stringify(complaint))
    return complaint
  }

  async function propose(liaison: ApiSession, complaintId: string, text: string) {
    const { status, body } = await server.api('POST', `/complaints/${complaintId}/actions/propose`, {
      token: liaison.accessToken,
      body: { text, amountFen: 12850, promisedDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
    })
    assert.equal(status, 200, JSON.stringify(body))
  }

  async function unreadCount(consumer: ApiSession) {
    const { status, body } = await server.api('GET', '/notifications/unread-count', { token: consumer.accessToken })
    assert.equal(status, 200, JSON.stringify(body))
    return (body as { unreadCount: number }).unreadCount
  }

  const badge = (page: Page) => page.locator('.weui-tabbar__item').filter({ hasText: '消息' }).locator('.taro-tabbar-badge')

  test('商家提出方案：消息页不刷新，自动出现角标和通知；点开看投诉；全部已读后角标消失；断网重连后补上', async (t) => {
    const { consumer, liaison } = await consumerAndLiaison()
    const first = await fileComplaint(consumer, liaison, '买到的牛奶已经过期三天了，商家拒绝退款，态度也很差。')
    const second = await fileComplaint(consumer, liaison, '买的大米里有虫子，要求退货，商家一直不回复。')

    await onPhone({ t, name: 'notifications-live', baseUrl: server.baseUrl }, async ({ page, context, screenshot }) => {
      await signInBrowser(page, consumer)
      await page.goto(MESSAGES)
      const inbox = screen(page, MESSAGES)
      await inbox.locator('.inbox, .page-state').first().waitFor()
      // Filing may already have told the consumer something: start from a clean slate.
      if ((await unreadCount(consumer)) > 0) {
        await button(inbox, '全部已读').tap()
        await modalConfirm(page, '全部已读').tap()
        await badge(page).waitFor({ state: 'detached' })
      }
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
      // Give the stream a moment to be open: the point is that the event arrives by itself.
      await page.waitForTimeout(1000)

      const started = Date.now()
      await propose(liaison, first.id, '全额退款 128.50 元，三日内到账。')
      // The latency target (p95 ≤ 500 ms) is measured by the benchmark; a loaded CI machine only shows that it comes by itself.
      await badge(page).filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 })
      const item = inbox.locator('.inbox-item--unread').first()
      await item.waitFor({ timeout: 15_000 })
      t.diagnostic(`proposal shown after ${Date.now() - started} ms`)
      assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'no reload')
      await inbox.getByText('1 条未读').waitFor()
      await inbox.getByText('商家处理方案').first().waitFor()
      await screenshot('n01-messages-with-proposal')

      await item.tap()
      const detail = screen(page, DETAIL)
      await detail.getByText(first.number).first().waitFor()
      await badge(page).waitFor({ state: 'detached' })
      // NOTE: Taro's router shades the page below a pushed one on a timer; going back before it fired
      // left 消息 hidden (seen here with an immediate back). A person reads the complaint first.
      await page.waitForTimeout(1000)
      await page.goBack()
      await inbox.getByText('没有未读消息').waitFor()

      // A second one, then 全部已读 (asks first).
      await propose(liaison, second.id, '退还 128.50 元并赔礼道歉。')
      await badge(page).filter({ hasText: /^1$/ }).waitFor({ timeout: 3000 })
      await button(inbox, '全部已读').tap()
      await modal(page).getByText('所有消息都会标为已读').waitFor()
      await modalConfirm(page, '全部已读').tap()
      await badge(page).waitFor({ state: 'detached' })
      await inbox.getByText('没有未读消息').waitFor()
      assert.equal(await unreadCount(consumer), 0)
      await screenshot('n02-messages-all-read')

      // Offline: the stream breaks. A notification made meanwhile arrives once the phone is back.
      const third = await fileComplaint(consumer, liaison, '买的电饭煲只用了两天就坏了，商家一直不给换新的。')
      await page.waitForTimeout(500)
      await context.setOffline(true)
      await page.waitForTimeout(1500)
      await propose(liaison, third.id, '换一台新的电饭煲。')
      await page.waitForTimeout(500)
      assert.equal(await badge(page).count(), 0, 'nothing can arrive while offline')
      await context.setOffline(false)
      await badge(page).filter({ hasText: /^1$/ }).waitFor({ timeout: 8000 })
      await inbox.locator('.inbox-item--unread').first().waitFor()
      assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'no reload')
    })
  })

  test('服务器断开推送连接后，应用换新票据、从最后一条接着重连，之后的通知照样即时到达', async (t) => {
    const { consumer, liaison } = await consumerAndLiaison()
    const complaint = await fileComplaint(consumer, liaison, '买的空调刚装好就一直漏水，商家说这事不归他们管。')
    await server.api('POST', '/notifications/read-all', { token: consumer.accessToken })

    await onPhone({ t, name: 'notifications-reconnect', baseUrl: server.baseUrl }, async ({ page }) => {
      const streams: URL[] = []
      // The first connection is answered and at once closed, like a server restart or a proxy timeout.
      await page.route('**/api/notifications/stream?**', async (route) => {
        streams.push(new URL(route.request().url()))
        if (streams.length === 1) await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: ': bye\n\n' })
        else await route.continue()
      })
      await signInBrowser(page, consumer)
      await page.goto(MESSAGES)
      await screen(page, MESSAGES).getByText(/暂无消息|没有未读消息/).waitFor()
      const deadline = Date.now() + 8000
      while (streams.length < 2 && Date.now() < deadline) await page.waitForTimeout(100)
      assert.equal(streams.length, 2, 'reconnected after the drop')
      const [dropped, resumed] = streams as [URL, URL]
      assert.notEqual(resumed.searchParams.get('ticket'), dropped.searchParams.get('ticket'), 'a fresh ticket')
      assert.match(resumed.searchParams.get('after') ?? '', /^\d+$/)
      await page.waitForTimeout(500)

      const started = Date.now()
      await propose(liaison, complaint.id, '上门维修并赔偿 100 元。')
      await badge(page).filter({ hasText: /^1$/ }).waitFor({ timeout: 2000 })
      t.diagnostic(`after the reconnect, shown in ${Date.now() - started} ms`)
      assert.equal(streams.length, 2, 'delivered by the resumed stream, no further reconnects')
    })
  })

  test('浏览器没有 EventSource 时每 10 秒查一次，通知照样出现，不用刷新', async (t) => {
    const { consumer, liaison } = await consumerAndLiaison()
    const complaint = await fileComplaint(consumer, liaison, '买的洗衣机送来就是坏的，商家不肯上门维修。')
    await server.api('POST', '/notifications/read-all', { token: consumer.accessToken })

    await onPhone({ t, name: 'notifications-polling', baseUrl: server.baseUrl }, async ({ page }) => {
      await page.addInitScript(() => delete (window as { EventSource?: unknown }).EventSource)
      await signInBrowser(page, consumer)
      await page.goto(HOME)
      await page.getByText('我要投诉').first().waitFor()
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
      const started = Date.now()
      await propose(liaison, complaint.id, '上门更换一台新的洗衣机。')
      await badge(page).filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 })
      t.diagnostic(`polling showed it after ${Date.now() - started} ms`)
      assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'no reload')
    })
  })

  test('没有消息时显示“暂无消息”；通知设置可以改开关并保存', async (t) => {
    const fresh = await server.signIn(VOLUNTEER)
    await onPhone({ t, name: 'notifications-empty-settings', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, fresh)
      await page.goto(MESSAGES)
      const inbox = screen(page, MESSAGES)
      await inbox.getByText('暂无消息').waitFor()
      assert.equal(await badge(page).count(), 0)
      await screenshot('n03-messages-empty')

      await tapTab(page, '我的')
      await screen(page, ME).getByText('通知设置').tap()
      const settings = screen(page, SETTINGS)
      await settings.getByText('一直开着').first().waitFor()
      await settings.getByText('在“消息”页里查看').waitFor()
      await screenshot('n04-settings', { fullPage: true })

      const switches = settings.locator('taro-switch-core')
      assert.ok((await switches.count()) > 0, 'there are switchable channels')
      const before = await switches.first().locator('input').isChecked()
      await switches.first().tap()
      await button(settings, '保存设置').tap()
      await page.getByText('已保存').waitFor()
      const { body } = await server.api('GET', '/notifications/preferences', { token: fresh.accessToken })
      const prefs = body as { items: Array<{ type: string; channel: string; enabled: boolean }> }
      const firstSwitchable = prefs.items.find((p) => p.channel !== 'inbox')
      assert.ok(firstSwitchable)
      assert.equal(firstSwitchable.enabled, !before, 'the change was saved on the server')
    })
  })
})
