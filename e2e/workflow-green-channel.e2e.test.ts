/**
 * Issue #5's "done when", on the H5 app against the real server, with two phones at once (two
 * browser contexts): 王阿姨 files a complaint through the five steps to an ODR enterprise
 * (示例优选超市有限公司); its liaison, on the other phone, sees it in the enterprise workspace and
 * proposes a refund; 王阿姨 accepts and rates it; the enterprise's public page shows new figures.
 * Five earlier complaints are made through the API first so the page is past its too-little-data
 * threshold and the figures have something to change from. A second story turns a proposal down
 * with a reason and the complaint goes to the association with its review deadline.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/workflow-green-channel.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { onPhone } from './support/browser'
import type { ApiSession, TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, storedSession, toastGone } from './support/taro'
import { COMPLAINT_DETAIL as DETAIL, CONSUMER, ENTERPRISE_COMPLAINT as HANDLE, ENTERPRISE_INBOX as INBOX, ENTERPRISE_NAME, ENTERPRISE_PAGE, FILING_STEPS as STEP, HOME, LIAISON, LOGIN, STAFF } from './support/routes'


/** What zustand persist would have written after a login in this browser. */
async function signInBrowser(page: Page, session: ApiSession) {
  await page.goto('/')
  await page.evaluate((state) => {
    localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, session)
}

async function fileThroughApi(server: TestServer, token: string, enterprise: { id: string; name: string }): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: enterprise.name, enterpriseId: enterprise.id },
      industry: 'food',
      incidentDate: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
      amountFen: 5000,
      description: '买的面包第二天就发霉了，店里说不能退，希望退款。',
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: '13900000021',
      consentToShare: true,
      path: 'odr',
    }),
  })
  const body = (await response.json()) as { id: string }
  assert.equal(response.status, 201, JSON.stringify(body))
  return body.id
}

async function act(server: TestServer, token: string, id: string, action: string, body: object = {}) {
  const { status, body: answer } = await server.api('POST', `/complaints/${id}/actions/${action}`, { token, body })
  assert.equal(status, 200, `${action}: ${JSON.stringify(answer)}`)
}

/**
 * History for the enterprise page: three complaints settled and rated 3, 4 and 2 stars, one the
 * consumer turned down and the association did not accept (ended, not settled), one still open.
 * The page then reads 5 received, 75% (3/4) settled, 3 points from 3 ratings.
 */
async function seedHistory(server: TestServer, liaison: ApiSession, staff: ApiSession, enterprise: { id: string; name: string }) {
  const other = await server.signIn('13900000021')
  const proposal = { text: '退款 50 元', amountFen: 5000, promisedDate: '2030-01-10' }
  for (const stars of [3, 4, 2]) {
    const id = await fileThroughApi(server, other.accessToken, enterprise)
    await act(server, liaison.accessToken, id, 'propose', proposal)
    await act(server, other.accessToken, id, 'accept_proposal')
    await act(server, other.accessToken, id, 'rate', { stars })
  }
  const turnedDown = await fileThroughApi(server, other.accessToken, enterprise)
  await act(server, liaison.accessToken, turnedDown, 'propose', proposal)
  await act(server, other.accessToken, turnedDown, 'reject_proposal', { reason: '金额不对' })
  await act(server, staff.accessToken, turnedDown, 'reject', { ground: 'missing_facts' })
  await fileThroughApi(server, other.accessToken, enterprise)
}

async function figuresText(page: Page, enterpriseId: string): Promise<string> {
  await page.goto(`${ENTERPRISE_PAGE}?id=${encodeURIComponent(enterpriseId)}`)
  const view = screen(page, ENTERPRISE_PAGE)
  const card = view.locator('.card').filter({ hasText: '投诉处理情况' })
  await card.getByText('收到投诉').waitFor()
  return card.innerText()
}

/** Scrolls the figures card to the top of the screen for the screenshot. */
async function showFigures(page: Page) {
  await screen(page, ENTERPRISE_PAGE)
    .locator('.card')
    .filter({ hasText: '投诉处理情况' })
    .evaluate((card) => card.scrollIntoView({ block: 'start' }))
}

const chip = (scope: Locator, label: string) => scope.locator('.chip').filter({ hasText: new RegExp(`^\\s*✓?\\s*${label}\\s*$`) })

async function next(page: Page, from: string, to: string) {
  await button(screen(page, from), '下一步').tap()
  await page.waitForURL(`**${to}?**`)
  await screen(page, to).locator('.filing-title').waitFor()
}

/** The five filing steps on the consumer's phone, choosing the directory entry and the green channel. */
async function fileThroughUi(page: Page, server: TestServer, shot: (name: string) => Promise<unknown>): Promise<string> {
  await page.goto('/')
  await screen(page, HOME).locator('.home__action').filter({ hasText: '我要投诉' }).tap()
  await page.waitForURL('**/pages/login/index?**')
  const login = screen(page, LOGIN)
  await input(login, '手机号').fill(CONSUMER)
  await button(login, '获取验证码').tap()
  await input(login, '验证码').fill(await server.waitForSmsCode(CONSUMER))
  await button(login, /^登录$/).tap()
  await page.waitForURL(`**${STEP.business}?**`)

  const one = screen(page, STEP.business)
  await input(one, '商家名称').fill('示例优选')
  await one.locator('.suggestion').filter({ hasText: ENTERPRISE_NAME }).locator('.suggestion__main').tap()
  await one.getByText('请选择处理方式').waitFor()
  const odr = one.locator('.path-option').filter({ hasText: '企业绿色通道' })
  await odr.tap()
  assert.equal(await odr.getAttribute('aria-checked'), 'true')
  await toastGone(page)
  await shot('g01-consumer-chooses-green-channel')
  await next(page, STEP.business, STEP.facts)

  const two = screen(page, STEP.facts)
  await chip(two, '昨天').tap()
  await input(two, '涉及金额').fill('128.5')
  await two.locator('taro-textarea-core textarea').fill('11月20日在超市买的纯牛奶已经过期三天了，店员拒绝退款，态度很差。')
  await chip(two, '退款').tap()
  await next(page, STEP.facts, STEP.photos)
  await next(page, STEP.photos, STEP.contact)

  const four = screen(page, STEP.contact)
  await four.locator('.check-row').tap()
  await next(page, STEP.contact, STEP.review)
  const five = screen(page, STEP.review)
  await five.getByText('企业绿色通道').first().waitFor()
  await button(five, '提交投诉').tap()
  await page.waitForURL(`**${STEP.result}?**`)
  const number = (await screen(page, STEP.result).locator('.result__number').innerText()).trim()
  assert.match(number, /^WQ\d{14}$/)
  return number
}

describe('ODR 绿色通道：两部手机（H5，iPhone 13）', () => {
  const server = useServerAndBrowser({ env: { SMS_PHONE_PER_MINUTE: '10' } })

  test('消费者投诉绿色通道企业，企业联络人在另一部手机上提出方案，消费者接受并评价，企业页面的数据随之变化', async (t) => {
    const liaison = await server.signIn(LIAISON)
    const staff = await server.signIn(STAFF)
    const enterprise = liaison.user.enterprise
    assert.ok(enterprise, 'the demo liaison belongs to an enterprise')
    assert.equal(enterprise.name, ENTERPRISE_NAME)
    await seedHistory(server, liaison, staff, enterprise)

    await onPhone({ t, name: 'green-consumer', baseUrl: server.baseUrl }, async (consumer) => {
      const before = await figuresText(consumer.page, enterprise.id)
      assert.match(before, /收到投诉：5 件/)
      assert.match(before, /和解率\s*75%（3\/4 件）/)
      assert.match(before, /平均满意度\s*3 分（3 人评价）/)
      await showFigures(consumer.page)
      await consumer.screenshot('g00-enterprise-figures-before')

      const number = await fileThroughUi(consumer.page, server, consumer.screenshot)

      // The other phone: the liaison finds it in the inbox, with the working days left, and proposes.
      await onPhone({ t, name: 'green-liaison', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
        await signInBrowser(page, liaison)
        await page.goto(INBOX)
        const inbox = screen(page, INBOX)
        const item = inbox.locator(`.complaint-item[data-complaint="${number}"]`)
        await item.waitFor()
        assert.match(await item.innerText(), /剩余 10 个工作日/)
        await toastGone(page)
        await screenshot('g02-liaison-inbox')
        await item.tap()
        const handle = screen(page, HANDLE)
        // The case is open with this enterprise and the consumer agreed to share it: the full phone.
        await handle.getByText(CONSUMER).waitFor()
        await button(handle, '提出解决方案').tap()
        await handle.locator('textarea').first().fill('全额退款 128.5 元，另送 20 元购物券，并当面道歉')
        await handle.locator('taro-input-core input').first().fill('128.5')
        await handle.locator('.picker-value').tap()
        await page.locator('.weui-picker__action').filter({ hasText: '确定' }).tap()
        await button(handle, '提交方案').tap()
        await handle.getByText('企业提出的方案').waitFor()
        await toastGone(page)
        await screenshot('g03-liaison-proposed')
      })

      // Back on the consumer's phone: the proposal is there; accept it, then rate it.
      const session = await storedSession(consumer.page)
      assert.ok(session?.accessToken)
      const list = await server.api('GET', '/complaints', { token: session.accessToken })
      const mine = (list.body as { items: Array<{ id: string; number: string }> }).items.find((c) => c.number === number)
      assert.ok(mine, 'the complaint is in the consumer’s list')
      const page = consumer.page
      await page.goto(`${DETAIL}?id=${mine.id}`)
      const view = screen(page, DETAIL)
      await view.locator('.proposal').getByText('全额退款 128.5 元，另送 20 元购物券，并当面道歉').waitFor()
      await button(view, '接受方案').tap()
      await modalConfirm(page, '接受').tap()
      await view.locator('.status-chip').filter({ hasText: '已和解' }).waitFor()
      await view.getByText('给这次处理打分').waitFor()
      await view.locator('.star').nth(4).tap()
      await view.locator('taro-textarea-core[aria-label="评价内容"] textarea, textarea[aria-label="评价内容"]').first().fill('处理很快，超市主动联系了我')
      await button(view, '提交评价').tap()
      await view.getByText('您的评价').waitFor()
      await toastGone(page)
      await consumer.screenshot('g04-consumer-accepted-and-rated')

      const after = await figuresText(page, enterprise.id)
      assert.match(after, /收到投诉：6 件/)
      assert.match(after, /和解率\s*80%（4\/5 件）/)
      assert.match(after, /平均满意度\s*3\.5 分（4 人评价）/)
      await showFigures(page)
      await consumer.screenshot('g05-enterprise-figures-after')
    })
  })

  test('消费者不接受方案并写明理由：投诉转到消协调解，显示消协的受理期限', async (t) => {
    const liaison = await server.signIn(LIAISON)
    const consumer = await server.signIn(CONSUMER)
    const enterprise = liaison.user.enterprise!
    const id = await fileThroughApi(server, consumer.accessToken, enterprise)

    await onPhone({ t, name: 'green-reject-consumer', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await onPhone({ t, name: 'green-reject-liaison', baseUrl: server.baseUrl }, async (other) => {
        await signInBrowser(other.page, liaison)
        await other.page.goto(`${HANDLE}?id=${id}`)
        const handle = screen(other.page, HANDLE)
        await button(handle, '提出解决方案').tap()
        await handle.locator('textarea').first().fill('退一半，25 元')
        await handle.locator('taro-input-core input').first().fill('25')
        await handle.locator('.picker-value').tap()
        await other.page.locator('.weui-picker__action').filter({ hasText: '确定' }).tap()
        await button(handle, '提交方案').tap()
        await handle.getByText('企业提出的方案').waitFor()
      })

      await page.goto(`${DETAIL}?id=${id}`)
      const view = screen(page, DETAIL)
      await view.locator('.proposal').getByText('退一半，25 元').waitFor()
      await button(view, '不接受（转消协调解）').tap()
      await view.locator('taro-textarea-core[aria-label="不接受的理由"] textarea, textarea[aria-label="不接受的理由"]').first().fill('面包发霉，我要全额退款')
      await button(view, '确认不接受，转消协调解').tap()
      await view.locator('.status-chip').filter({ hasText: '等待消协受理' }).waitFor()
      const text = await view.innerText()
      assert.match(text, /消协受理审查期限/)
      assert.match(text, /剩余 7 个工作日/)
      assert.equal(await button(view, '接受方案').count(), 0)
      await toastGone(page)
      await screenshot('g06-consumer-rejected-to-association')
    })
    const { body } = await server.api('GET', `/complaints/${id}`, { token: consumer.accessToken })
    const detail = body as { status: string; path: string; events: Array<{ type: string; note: string | null }> }
    assert.equal(detail.status, 'awaiting_review')
    assert.ok(detail.events.some((e) => e.type === 'reject_proposal' && e.note === '面包发霉，我要全额退款'))
  })
})
