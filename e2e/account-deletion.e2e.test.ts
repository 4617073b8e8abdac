/**
 * 注销账号 (issue #20): a consumer with one closed and one open complaint asks for deletion, cancels
 * (撤销注销), asks again, cancels by logging in again, asks a third time. The cool-off is passed by
 * running the completion job through the admin CLI with `--now` (accepted only under NODE_ENV=test).
 * Then the old session is dead, the phone signs up as a new empty account, and staff opening the open
 * case see the consumer as 用户·XXXX, with their own read in the access log.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/account-deletion.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { describe, test } from 'node:test'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { onPhone } from './support/browser'
import { countTargets, layoutProblems } from './support/layout'
import { ROOT, type ApiSession, type TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, input, modal, modalConfirm, screen, toastGone } from './support/taro'
import { CONSUMER, LIAISON, LOGIN, ME, STAFF, STAFF_COMPLAINT as STAFF_DETAIL } from './support/routes'

const ACCOUNT = '/packages/settings/pages/account/index'
const DELETION = '/packages/settings/pages/account-deletion/index'

async function signInBrowser(page: Page, session: ApiSession) {
  await page.goto('/')
  await page.evaluate((state) => {
    localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, session)
}

/** The access token the app in this browser holds. */
async function browserToken(page: Page): Promise<string> {
  const raw = (await page.evaluate(() => localStorage.getItem('weiquan-session'))) ?? '{}'
  const token = (JSON.parse(JSON.parse(raw).data ?? '{}') as { state?: { accessToken?: string } }).state?.accessToken
  assert.ok(token, 'the app holds a session')
  return token
}

async function fileComplaint(server: TestServer, consumer: ApiSession, liaison: ApiSession) {
  const enterprise = liaison.user.enterprise!
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: enterprise.name, enterpriseId: enterprise.id },
      industry: 'prepaid',
      incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      amountFen: 215000,
      description: '健身房关门，预付卡余额两千多元无法退还。',
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: CONSUMER,
      consentToShare: true,
      path: 'odr',
    }),
  })
  const body = (await response.json()) as { id: string }
  assert.equal(response.status, 201, JSON.stringify(body))
  return body.id
}

/** 获取验证码 → the code from the server's console → 确认注销 → 确定注销 in the confirmation. */
async function askForDeletion(page: Page, server: TestServer) {
  const deletion = screen(page, DELETION)
  await button(deletion, '获取验证码').tap()
  const code = await server.waitForSmsCode(CONSUMER)
  await input(deletion, '注销验证码').fill(code)
  await button(deletion, '确认注销').tap()
  await modal(page).getByText('确定注销账号吗？').waitFor()
  await modalConfirm(page, '确定注销').tap()
  await deletion.getByText('注销申请已提交').waitFor()
}

/** The completion job as an operator would run it, as of `now`. */
async function completeDeletions(server: TestServer, now: Date) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server', 'src', 'cli', 'admin.ts'), 'complete-account-deletions', '--now', now.toISOString()],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', DATA_DIR: server.dataDir, DATABASE_URL: '', TOKEN_SECRET: '' } },
  )
  return stdout
}

describe('注销账号（H5，iPhone 13）', () => {
  const server = useServerAndBrowser({ env: { SMS_PHONE_PER_MINUTE: '20', SMS_PHONE_PER_DAY: '50' } })

  test('申请注销 → 撤销 → 再申请 → 重新登录即撤销 → 再申请；冷静期后旧登录失效，同号登录是新账号，工作人员看到代号', async (t) => {
    const [consumer, liaison, staff] = await Promise.all([server.signIn(CONSUMER), server.signIn(LIAISON), server.signIn(STAFF)])
    const closedId = await fileComplaint(server, consumer, liaison)
    const withdrawn = await server.api('POST', `/complaints/${closedId}/withdraw`, { token: consumer.accessToken, body: {} })
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body))
    const openId = await fileComplaint(server, consumer, liaison)

    // The page at 200 % text first: what happens is readable and tappable before anything is asked.
    await onPhone({ t, name: 'deletion-large', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInBrowser(page, consumer)
      await page.goto(DELETION)
      const deletion = screen(page, DELETION)
      await deletion.getByText('仍在处理中的投诉（1 件）：保留到处理结束').waitFor()
      await screenshot('deletion-01-text200')
      const problems = await layoutProblems(page, { tapTargets: 'taro-button-core, taro-input-core', mainActions: '.btn-primary' })
      assert.deepEqual(problems, [])
      assert.ok((await countTargets(page, 'taro-button-core')) >= 2)
      await deletion.locator('.deletion__confirm').scrollIntoViewIfNeeded()
      await screenshot('deletion-02-text200-bottom')
    })

    let oldToken = ''
    await onPhone({ t, name: 'deletion', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInBrowser(page, consumer)
      await page.goto(ME)
      await screen(page, ME).locator('.me__entry').filter({ hasText: '账号与安全' }).tap()
      await screen(page, ACCOUNT).locator('.account__entry').filter({ hasText: '注销账号' }).tap()
      const deletion = screen(page, DELETION)
      await deletion.getByText('已结束的投诉（1 件）：匿名化').waitFor()
      await deletion.getByText('仍在处理中的投诉（1 件）：保留到处理结束').waitFor()
      await deletion.getByText('验证码将发送到 138****0001').waitFor()
      await screenshot('deletion-03-explained')

      // 1. Ask, then 撤销注销.
      await askForDeletion(page, server)
      await deletion.getByText(/冷静期到 \d{4}年/).waitFor()
      await toastGone(page)
      await screenshot('deletion-04-pending')
      await button(deletion, '撤销注销').tap()
      await deletion.getByText(/上一次注销申请已于 .* 撤销/).waitFor()

      // 2. Ask again, sign out, sign in: the login cancels it and says so.
      await askForDeletion(page, server)
      await page.goto(ME)
      await button(screen(page, ME), '退出登录').tap()
      await modalConfirm(page, '退出').tap()
      await button(screen(page, ME), '登录 / 注册').tap()
      const login = screen(page, LOGIN)
      await input(login, '手机号').fill(CONSUMER)
      await button(login, '获取验证码').tap()
      await input(login, '验证码').fill(await server.waitForSmsCode(CONSUMER))
      await button(login, /^登录$/).tap()
      await modal(page).getByText('注销申请已撤销', { exact: true }).waitFor()
      await screenshot('deletion-05-login-cancelled')
      await modalConfirm(page, '知道了').tap()
      const inbox = await server.api('GET', '/notifications', { token: await browserToken(page) })
      assert.deepEqual(
        (inbox.body as { items: Array<{ title: string }> }).items.filter((n) => /注销/.test(n.title)).map((n) => n.title),
        ['注销申请已撤销', '已收到您的注销申请', '注销申请已撤销', '已收到您的注销申请'],
      )

      // 3. Ask a third time and leave it.
      await page.goto(DELETION)
      await screen(page, DELETION).getByText(/因重新登录自动撤销/).waitFor()
      await askForDeletion(page, server)
      oldToken = await browserToken(page)
    })

    // Before the cool-off ends the job leaves it; eight days on, it completes it.
    assert.match(await completeDeletions(server, new Date(Date.now() + 6 * 86_400_000)), /已完成 0 个账号/)
    assert.match(await completeDeletions(server, new Date(Date.now() + 8 * 86_400_000)), /已完成 1 个账号/)
    assert.equal((await server.api('GET', '/me', { token: oldToken })).status, 401)

    // The same phone signs up as a new, empty account.
    const fresh = await server.signIn(CONSUMER)
    assert.notEqual(fresh.user.id, consumer.user.id)
    assert.deepEqual((await server.api('GET', '/complaints', { token: fresh.accessToken })).body, { items: [], nextCursor: null })

    // Staff open the open case: workable, the consumer shown as a pseudonym; the read is in the access log.
    await onPhone({ t, name: 'deletion-staff', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInBrowser(page, staff)
      await page.goto(`${STAFF_DETAIL}?id=${openId}`)
      const detail = screen(page, STAFF_DETAIL)
      await detail.getByText(/^用户·[0-9A-F]{4}（已注销账号）$/).waitFor()
      assert.equal(await detail.getByText(CONSUMER).count(), 0)
      await screenshot('deletion-06-staff-sees-pseudonym')
    })
    const log = await server.api('GET', `/staff/access-log?complaintId=${openId}`, { token: staff.accessToken })
    assert.ok((log.body as { items: Array<{ actorId: string }> }).items.some((entry) => entry.actorId === staff.user.id))
    const proposal = await server.api('POST', `/complaints/${openId}/actions/propose`, {
      token: liaison.accessToken,
      body: { text: '同意退还余额 2150 元', amountFen: 215000, promisedDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
    })
    assert.equal(proposal.status, 200, JSON.stringify(proposal.body))
  })
})
