/**
 * Issue #13's rough edges, on the H5 app against the real server, on a 390×844 phone screen:
 * the incident date is a choice (今天 / 昨天 / 选择日期), a failed 下一步 brings the first wrong field
 * on screen and focuses it, full-width digits are kept, a huge amount is questioned; a second draft
 * for the same business can be kept beside the first and draft cards open on tap; a proposal's
 * notification says what is offered, the liaison's timeline says 消费者 (not 您), an accepted
 * proposal stays on the detail with its due date, and a closed complaint still shows under 处理中.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/rough-edges.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { onPhone } from './support/browser'
import type { ApiSession, TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, input, modal, modalConfirm, screen, toastGone } from './support/taro'
import { COMPLAINTS, COMPLAINT_DETAIL as DETAIL, CONSUMER, ENTERPRISE_COMPLAINT as HANDLE, FILING_STEPS as STEP, LIAISON, MESSAGES, STAFF, STAFF_COMPLAINT as STAFF_DETAIL } from './support/routes'

const DESCRIPTION = '在健身房办的年卡，刚用了两个月店就关门了，老板电话也打不通，要求退还剩余的钱。'

/** YYYY-MM-DD in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
const chinese = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
const monthDay = (ymd: string) => {
  const [, m, d] = ymd.split('-').map(Number)
  return `${m}月${d}日`
}

const chip = (scope: Locator, label: string) => scope.locator('.chip').filter({ hasText: new RegExp(`^\\s*✓?\\s*${label}\\s*$`) })

/** What zustand persist would have written after a login in this browser. */
async function signInBrowser(page: Page, session: ApiSession) {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  await page.evaluate((state) => {
    localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, session)
}

async function next(page: Page, from: string, to: string) {
  await button(screen(page, from), '下一步').tap()
  await page.waitForURL(`**${to}?**`)
  await screen(page, to).locator('.filing-title').waitFor()
}

/** From the 投诉 tab, step 1 for `business`, then 下一步 (which may ask about another draft). */
async function startFiling(page: Page, business: string) {
  await page.goto(COMPLAINTS)
  await button(screen(page, COMPLAINTS), '我要投诉').tap()
  await page.waitForURL(`**${STEP.business}?**`)
  const one = screen(page, STEP.business)
  await input(one, '商家名称').fill(business)
  await chip(one, '其他').tap()
  await toastGone(page)
  await button(one, '下一步').tap()
}

/** Whether the element's box lies within the visible part of the page. */
async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox()
  const viewport = page.viewportSize()
  return !!box && !!viewport && box.y >= 0 && box.y + box.height <= viewport.height
}

let filedThroughApi = 0

async function fileOdrThroughApi(server: TestServer, consumer: ApiSession, enterprise: { id: string; name: string }): Promise<{ id: string; number: string }> {
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: enterprise.name, enterpriseId: enterprise.id },
      industry: 'food',
      incidentDate: chinaDay(-2),
      // A different amount each time: the same dispute filed again would be merged into the first (issue #16).
      amountFen: 12850 + filedThroughApi++,
      description: '买的纯牛奶已经过期三天了，店员拒绝退款，态度也很差，希望退款。',
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: CONSUMER,
      consentToShare: true,
      path: 'odr',
    }),
  })
  const body = (await response.json()) as { id: string; number: string }
  assert.equal(response.status, 201, JSON.stringify(body))
  return body
}

describe('投诉路上的毛刺（H5，390×844）', () => {
  // Each story signs 王阿姨 in again within the minute; the per-phone SMS limit is not what they test.
  const server = useServerAndBrowser({ env: { SMS_PHONE_PER_MINUTE: '10' } })

  test('发生日期要自己选；下一步把第一个错误滚到眼前并聚焦；全角数字照收；金额特别大先确认', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    await onPhone({ t, name: 'rough-filing', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await startFiling(page, '快乐健身')
      await page.waitForURL(`**${STEP.facts}?**`)
      const two = screen(page, STEP.facts)
      const dates = two.locator('[aria-label="发生日期"][role="radiogroup"]')
      await chip(dates, '今天').waitFor()
      assert.equal(await dates.locator('.chip--on').count(), 0, 'no date is chosen for the person')
      await two.getByText('请选择纠纷发生的日期').waitFor()
      await screenshot('r01-facts-date-not-chosen')
      // 选择日期 opens the calendar; cancelling it still chooses nothing.
      await chip(dates, '选择日期').tap()
      await page.locator('.weui-picker__action').filter({ hasText: '取消' }).tap()
      assert.equal(await dates.locator('.chip--on').count(), 0)

      // Everything but the date and the amount; 下一步 is at the bottom, the date at the top.
      await two.locator('taro-textarea-core textarea').fill(DESCRIPTION)
      await chip(two, '退款').tap()
      await button(two, '下一步').scrollIntoViewIfNeeded()
      assert.equal(await onScreen(page, two.locator('#field-incidentDate')), false, 'the date field is scrolled off')
      await button(two, '下一步').tap()
      const dateError = two.locator('#field-incidentDate .field-error').filter({ hasText: '请选择发生日期' })
      await dateError.waitFor()
      await page.waitForFunction(() => {
        const pages = document.querySelectorAll('.taro_page')
        const box = pages[pages.length - 1]?.querySelector('#field-incidentDate .field-error')?.getBoundingClientRect()
        return !!box && box.top >= 0 && box.bottom <= window.innerHeight
      })
      await toastGone(page)
      await screenshot('r02-facts-first-error-on-screen')

      const yesterday = chinaDay(-1)
      await chip(dates, '昨天').tap()
      await two.getByText(`发生在 ${chinese(yesterday)}`).waitFor()
      assert.equal(await chip(dates, '昨天').getAttribute('aria-checked'), 'true')

      // Now the amount is the first error: on screen, with the cursor in it.
      await button(two, '下一步').scrollIntoViewIfNeeded()
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
      await button(two, '下一步').tap()
      await two.locator('#field-amount .field-error').waitFor()
      await page.waitForFunction(() => document.activeElement?.closest('taro-input-core')?.getAttribute('aria-label') === '涉及金额')
      assert.ok(await onScreen(page, input(two, '涉及金额')), 'the amount field is on screen')
      await toastGone(page)
      await screenshot('r03-facts-amount-focused')

      // Full-width digits from a Chinese keyboard are kept as digits.
      await page.keyboard.insertText('９９９９９９９．９９')
      assert.equal(await input(two, '涉及金额').inputValue(), '9999999.99')
      await button(two, '下一步').tap()
      await modal(page).getByText('9,999,999.99 元').waitFor()
      await screenshot('r04-facts-amount-confirm')
      await modal(page).locator('.taro-model__cancel').filter({ hasText: '返回修改' }).tap()
      await page.waitForFunction(() => document.activeElement?.closest('taro-input-core')?.getAttribute('aria-label') === '涉及金额')
      assert.ok(page.url().includes(STEP.facts), 'still on 发生了什么')
      await input(two, '涉及金额').fill('')
      await page.keyboard.insertText('１２８。５')
      assert.equal(await input(two, '涉及金额').inputValue(), '128.5')
      await next(page, STEP.facts, STEP.photos)
      await next(page, STEP.photos, STEP.contact)

      const four = screen(page, STEP.contact)
      await input(four, '联系电话').fill('')
      await input(four, '联系电话').focus()
      await page.keyboard.insertText('１３９００００００１１')
      assert.equal(await input(four, '联系电话').inputValue(), '13900000011')
      await four.locator('.check-row').tap()
      await toastGone(page)
      await next(page, STEP.contact, STEP.review)
      const five = screen(page, STEP.review)
      for (const text of [chinese(yesterday), '128.50 元', '13900000011']) await five.getByText(text).first().waitFor()
    })
  })

  test('同一商家的第二份草稿：用新的 → 先不删 两份都留下并继续；点草稿卡片就能接着填', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    await onPhone({ t, name: 'rough-drafts', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await startFiling(page, '老王水果店')
      await page.waitForURL(`**${STEP.facts}?**`)

      await startFiling(page, '老王 水果店')
      await modal(page).getByText('这家商家已有草稿').waitFor()
      await modal(page).locator('.taro-model__cancel').filter({ hasText: '用新的' }).tap()
      await modal(page).getByText('删除旧草稿？').waitFor()
      await modal(page).locator('.taro-model__cancel').filter({ hasText: '先不删' }).tap()
      await page.waitForURL(`**${STEP.facts}?**`)
      const newDraft = new URL(page.url()).searchParams.get('draft')

      // Back on step 1 of the new draft, 下一步 no longer asks.
      await page.goto(`${STEP.business}?draft=${newDraft}`)
      await button(screen(page, STEP.business), '下一步').tap()
      await page.waitForURL(`**${STEP.facts}?**`)
      assert.equal(await modal(page).count(), 0)

      await page.goto(COMPLAINTS)
      const tab = screen(page, COMPLAINTS)
      await tab.locator('.draft-item').nth(1).waitFor()
      assert.equal(await tab.locator('.draft-item').count(), 2, 'both drafts are kept')
      await toastGone(page)
      await screenshot('r05-two-drafts')
      const older = tab.locator('.draft-item').filter({ hasNotText: '老王 水果店' })
      const olderId = await older.getAttribute('data-draft')
      await older.locator('.draft-item__name').tap()
      await page.waitForURL(`**${STEP.facts}?draft=${olderId}`)
    })
  })

  /** 王阿姨's complaint to the demo ODR enterprise, with the liaison's proposal due in 7 days. */
  async function proposedComplaint() {
    const consumer = await server.signIn(CONSUMER)
    const liaison = await server.signIn(LIAISON)
    const complaint = await fileOdrThroughApi(server, consumer, liaison.user.enterprise!)
    const promised = chinaDay(7)
    const proposed = await server.api('POST', `/complaints/${complaint.id}/actions/propose`, {
      token: liaison.accessToken,
      body: { text: '全额退款 128.5 元，三日内原路退回', amountFen: 12850, promisedDate: promised },
    })
    assert.equal(proposed.status, 200, JSON.stringify(proposed.body))
    return { consumer, liaison, complaint, promised }
  }

  test('企业联络人和消协看到的时间线写“消费者 · 提交投诉”，不写“您”', async (t) => {
    const { liaison, complaint } = await proposedComplaint()
    const staff = await server.signIn(STAFF)
    await onPhone({ t, name: 'rough-liaison', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, liaison)
      await page.goto(`${HANDLE}?id=${complaint.id}`)
      const handle = screen(page, HANDLE)
      await handle.getByText('消费者 · 提交投诉').waitFor()
      assert.equal(await handle.getByText('您 · 提交投诉').count(), 0)
      await handle.getByText('处理进度').scrollIntoViewIfNeeded()
      await toastGone(page)
      await screenshot('r06-liaison-timeline')

      await signInBrowser(page, staff)
      await page.goto(`${STAFF_DETAIL}?id=${complaint.id}`)
      await screen(page, STAFF_DETAIL).getByText('消费者 · 提交投诉').waitFor()
    })
  })

  test('方案通知写明金额和日期；接受方案后，方案和到期日留在详情页上', async (t) => {
    const { consumer, complaint, promised } = await proposedComplaint()
    await onPhone({ t, name: 'rough-consumer', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await page.goto(MESSAGES)
      const offer = `退赔 128.50 元，${monthDay(promised)}前做到`
      await screen(page, MESSAGES).locator('.inbox-item__body').filter({ hasText: offer }).first().waitFor()
      await toastGone(page)
      await screenshot('r07-notification-says-offer')

      await page.goto(`${DETAIL}?id=${complaint.id}`)
      const view = screen(page, DETAIL)
      await button(view, '接受方案').tap()
      await modalConfirm(page, '接受').tap()
      await view.locator('.status-chip').filter({ hasText: '已和解' }).waitFor()
      const accepted = view.locator('.proposal--accepted')
      await accepted.getByText('您接受的方案').waitFor()
      await accepted.getByText('128.50 元').waitFor()
      await accepted.getByText(`${chinese(promised)}前做到 · 还有 7 天`).waitFor()
      await toastGone(page)
      await screenshot('r08-accepted-proposal-kept')
    })
  })

  test('刚结束的投诉离开“处理中”后，仍在下面“最近结束的投诉”里', async (t) => {
    const { consumer, complaint } = await proposedComplaint()
    const accepted = await server.api('POST', `/complaints/${complaint.id}/actions/accept_proposal`, { token: consumer.accessToken, body: {} })
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
    await onPhone({ t, name: 'rough-closed', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await page.goto(COMPLAINTS)
      const closed = screen(page, COMPLAINTS).locator('.complaints__closed-lately')
      await closed.getByText('最近结束的投诉（7 天内）').waitFor()
      await closed.locator(`.complaint-item[data-complaint="${complaint.number}"]`).waitFor()
      await closed.scrollIntoViewIfNeeded()
      await toastGone(page)
      await screenshot('r09-list-recently-closed')
      await button(closed, '查看全部已结束的投诉').tap()
      await screen(page, COMPLAINTS).locator('.complaints__tab--on').filter({ hasText: '已结束' }).waitFor()
    })
  })
})
