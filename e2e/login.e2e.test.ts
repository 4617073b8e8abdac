/**
 * User stories for signing in and out on the H5 app, against the real server (fresh database,
 * demo accounts seeded) and the built dist/h5, in Chromium emulating an iPhone 13.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/*.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { onPhone } from './support/browser'
import type { TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, input, modal, modalConfirm, screen, storedSession, tapTab, toastGone } from './support/taro'
import { CONSUMER as CONSUMER_PHONE, HOME, LOGIN, ME, STAFF as STAFF_PHONE, STAFF_WORKSPACE } from './support/routes'

const CONSUMER = { phone: CONSUMER_PHONE, masked: '138****0001', name: '王阿姨' }
const STAFF = { phone: STAFF_PHONE, name: '陈主任' }
/** Not a demo account: the first login registers it. */
const NEWCOMER = { phone: '13912345678', masked: '139****5678', name: '用户5678' }

const TABS = ['首页', '投诉', '消息', '我的']
const QUICK_ACTIONS = ['我要投诉', '消费警示', '我的投诉']

/** On the login page: phone → 获取验证码 → code from the server's console output → 登录. */
async function signInWithPhone(page: Page, server: TestServer, phone: string) {
  const login = screen(page, LOGIN)
  await input(login, '手机号').fill(phone)
  await button(login, '获取验证码').tap()
  const code = await server.waitForSmsCode(phone)
  await input(login, '验证码').fill(code)
  await button(login, /^登录$/).tap()
}

describe('登录 / 退出（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  test('消费者：首页 → 我的 → 手机号登录 → 刷新仍登录 → 退出登录，令牌在服务端作废', async (t) => {
    await onPhone({ t, name: 'consumer-login', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.goto('/')

      // Home: the four tabs and the quick actions.
      const home = screen(page, HOME)
      await home.getByText('维权通', { exact: true }).waitFor()
      const tabLabels = await page.locator('.weui-tabbar__label').allInnerTexts()
      assert.deepEqual(tabLabels.map((t) => t.trim()), TABS)
      for (const title of QUICK_ACTIONS) await home.locator('.home__action').filter({ hasText: title }).waitFor()
      await home.getByText('12315').waitFor()
      await screenshot('01-home')

      // 我的 while signed out → 登录 / 注册.
      await tapTab(page, '我的')
      const me = screen(page, ME)
      await button(me, '登录 / 注册').tap()
      await page.waitForURL('**/pages/login/index')
      const login = screen(page, LOGIN)
      await login.getByText('登录维权通').waitFor()

      // 获取验证码 with no phone: an inline message, no request.
      await button(login, '获取验证码').tap()
      await login.locator('.field-error').filter({ hasText: '请输入手机号' }).waitFor()
      await screenshot('02-login-empty-phone-error')

      // Real code from the console SMS adapter.
      await input(login, '手机号').fill(CONSUMER.phone)
      await button(login, '获取验证码').tap()
      const code = await server.waitForSmsCode(CONSUMER.phone)
      await button(login, /秒后重发/).waitFor() // countdown replaces the button text
      await input(login, '验证码').fill(code)
      await button(login, /^登录$/).tap()

      // Back on 我的, signed in.
      await page.waitForURL('**/pages/me/index')
      await me.getByText(CONSUMER.name).waitFor()
      await me.getByText(CONSUMER.masked).waitFor()
      await me.getByText('消费者', { exact: true }).waitFor()
      assert.equal(await me.getByText(/进入.*工作台/).count(), 0, 'a consumer has no workspace entry')
      await toastGone(page)
      await screenshot('03-me-signed-in')

      const session = await storedSession(page)
      assert.ok(session?.accessToken && session.refreshToken, 'the session is kept in localStorage["weiquan-session"]')
      assert.equal(session.user?.phone, CONSUMER.phone)
      assert.equal((await server.api('GET', '/me', { token: session.accessToken })).status, 200)

      // Reload: still signed in.
      await page.reload()
      const meAgain = screen(page, ME)
      await meAgain.getByText(CONSUMER.name).waitFor()
      await meAgain.getByText(CONSUMER.masked).waitFor()

      // 退出登录 → Taro's own modal → 退出.
      await button(meAgain, '退出登录').tap()
      await modal(page).getByText('确定要退出登录吗？').waitFor()
      await screenshot('04-logout-confirm')
      await modalConfirm(page, '退出').tap()
      await button(meAgain, '登录 / 注册').waitFor()
      await meAgain.getByText(CONSUMER.name).waitFor({ state: 'detached' })
      await toastGone(page)
      await screenshot('05-me-signed-out')
      assert.equal((await storedSession(page))?.accessToken ?? null, null, 'the stored session is cleared')

      // The server ended that session: neither old token works any more.
      const me401 = await server.api('GET', '/me', { token: session.accessToken })
      assert.equal(me401.status, 401, `old access token after logout: ${JSON.stringify(me401.body)}`)
      const refresh401 = await server.api('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })
      assert.equal(refresh401.status, 401, `old refresh token after logout: ${JSON.stringify(refresh401.body)}`)
    })
  })

  test('消协工作人员：我的 显示“进入消协工作台”，点开是消协工作台', async (t) => {
    await onPhone({ t, name: 'staff-workspace', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.goto(ME)
      const me = screen(page, ME)
      await button(me, '登录 / 注册').tap()
      await page.waitForURL('**/pages/login/index')
      await signInWithPhone(page, server, STAFF.phone)

      await page.waitForURL('**/pages/me/index')
      await me.getByText(STAFF.name).waitFor()
      await me.getByText('消协工作人员', { exact: true }).waitFor()
      const entry = me.locator('.me__entry').filter({ hasText: '进入消协工作台' })
      await entry.waitFor()
      await toastGone(page)
      await screenshot('06-me-staff')

      await entry.tap()
      await page.waitForURL('**/packages/staff/pages/workspace/index')
      const workspace = screen(page, STAFF_WORKSPACE)
      await workspace.locator('.workspace__title').filter({ hasText: '消协工作台' }).waitFor()
      await workspace.getByText(STAFF.name).waitFor()
      // The queue has loaded: the demo data's open cases, or the empty state.
      await workspace.locator('.complaint-item').or(workspace.getByText('暂无待受理的投诉')).first().waitFor()
      await screenshot('07-staff-workspace')
    })
  })

  test('验证码输错：提示“验证码错误或已过期”，改对后登录（首次登录即注册）', async (t) => {
    await onPhone({ t, name: 'wrong-code', baseUrl: server.baseUrl }, async ({ page, screenshot, allowConsoleError }) => {
      // Chromium logs every 4xx response as a console error; this one is the point of the test.
      allowConsoleError(/status of 400.*@ .*\/api\/auth\/phone$/)

      await page.goto(LOGIN)
      const login = screen(page, LOGIN)
      await login.getByText('登录维权通').waitFor()
      await input(login, '手机号').fill(NEWCOMER.phone)
      await button(login, '获取验证码').tap()
      const code = await server.waitForSmsCode(NEWCOMER.phone)
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')

      await input(login, '验证码').fill(wrong)
      await button(login, /^登录$/).tap()
      await login.locator('.field-error').filter({ hasText: '验证码错误或已过期' }).waitFor()
      assert.match(page.url(), /\/pages\/login\/index$/, 'stays on the login page')
      assert.equal(await storedSession(page).then((s) => s?.accessToken ?? null), null)
      await toastGone(page) // 验证码已发送 would cover the message
      await screenshot('08-login-wrong-code')

      // One wrong try does not burn the code: the right one still signs in.
      await input(login, '验证码').fill(code)
      await button(login, /^登录$/).tap()
      await page.waitForURL('**/pages/me/index')
      const me = screen(page, ME)
      await me.getByText(NEWCOMER.name).waitFor()
      await me.getByText(NEWCOMER.masked).waitFor()
    })
  })
})
