/**
 * Volunteer field reports on the H5 app against the real server (fresh database, demo accounts), in
 * Chromium as an iPhone 13: a volunteer with no network files two reports with photos, sees
 * 待上传 2 条, reloads, and once the network is back both upload by themselves, exactly once each;
 * staff convert one into a complaint and the volunteer sees 已转为投诉. Also: a consumer applies,
 * staff approve, and the volunteer workspace appears.
 *
 * Reload while offline: the app registers its service worker (src/sw.js) at launch, so the page
 * shell reopens with the context still offline; the queued reports come back from local storage.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/volunteer.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import type { ApiSession } from './support/server'
import { waitForOfflineShell } from './support/offline'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, toastGone } from './support/taro'
import { CONSUMER, LOGIN, ME, STAFF, VOLUNTEER, VOLUNTEER_APPLY, VOLUNTEER_REPORT, VOLUNTEER_REPORTS, VOLUNTEER_WORKSPACE } from './support/routes'

const PAGE = {
  workspace: VOLUNTEER_WORKSPACE,
  report: VOLUNTEER_REPORT,
  reports: VOLUNTEER_REPORTS,
  apply: VOLUNTEER_APPLY,
  me: ME,
  login: LOGIN,
  staffReports: '/packages/staff-volunteers/pages/reports/index',
  staffReport: '/packages/staff-volunteers/pages/report/index',
  staffApplications: '/packages/staff-volunteers/pages/applications/index',
}
const HERE = { latitude: 42.2456, longitude: 116.0021, accuracy: 30 }
const EDITED_NOTES = '改过的说明：冷柜里三盒酸奶过期两天，价签缺失。'

interface StaffList {
  items: Array<{ id: string; clientId: string; businessName: string; notes: string | null; status: string; photos: unknown[]; location: { accuracy: number } | null; volunteer: { name: string } }>
}

async function makePhoto(dir: string, name: string, background: { r: number; g: number; b: number }): Promise<string> {
  const file = path.join(dir, name)
  const svg = Buffer.from('<svg width="1600" height="1200"><text x="120" y="600" font-size="240" fill="white">走访</text></svg>')
  writeFileSync(file, await sharp({ create: { width: 1600, height: 1200, channels: 3, background } }).composite([{ input: svg }]).jpeg({ quality: 85 }).toBuffer())
  return file
}

/** What zustand persist would have written after a login in this browser. */
async function signInBrowser(page: Page, session: ApiSession) {
  await page.goto('/')
  await page.evaluate((state) => {
    localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, session)
}

async function fileReport(page: Page, business: string, category: string, photo?: string) {
  await button(screen(page, PAGE.workspace), '新建报告').tap()
  await page.waitForURL(`**${PAGE.report}**`)
  const form = screen(page, PAGE.report)
  await form.getByText(`定位精度约 ${HERE.accuracy} 米`).waitFor()
  await form.locator('.report-chip').filter({ hasText: category }).tap()
  await input(form, '商家名称').fill(business)
  await input(form, '所在地区').fill('内蒙古/锡林郭勒盟/正蓝旗')
  if (photo) {
    const chooser = page.waitForEvent('filechooser')
    await button(form, '拍照').tap()
    await (await chooser).setFiles(photo)
    await form.getByText('已添加 1 张，最多 9 张').waitFor()
  }
  await form.locator('taro-textarea-core textarea').fill(`${business}：货架上的酸奶过期两天，没有标价。`)
  await button(form, '提交报告').tap()
  await page.getByText('已保存，联网后自动上传').first().waitFor()
  await page.waitForURL(`**${PAGE.workspace}**`)
}

describe('志愿者走访报告（H5，iPhone 13）', () => {
  const server = useServerAndBrowser({ env: { SMS_PHONE_PER_MINUTE: '10' } })
  let fixtures: string
  let photos: string[]
  let staff: ApiSession
  let volunteer: ApiSession

  before(async () => {
    fixtures = mkdtempSync(path.join(tmpdir(), 'weiquan-volunteer-'))
    photos = [await makePhoto(fixtures, 'shop-1.jpg', { r: 180, g: 80, b: 40 }), await makePhoto(fixtures, 'shop-2.jpg', { r: 40, g: 110, b: 170 })]
  })
  after(() => rmSync(fixtures, { recursive: true, force: true }))

  test('离线提交两份报告，刷新后仍在，联网后自动上传，各一份', async (t) => {
    staff = await server.signIn(STAFF)
    await onPhone({ t, name: 'volunteer-offline', baseUrl: server.baseUrl }, async ({ page, context, screenshot, allowConsoleError }) => {
      // Requests made while offline or blocked fail in the browser's console; that is the point here.
      allowConsoleError(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|net::ERR/)

      // Signing in with the phone and an SMS code.
      await page.goto(PAGE.login)
      const login = screen(page, PAGE.login)
      await input(login, '手机号').fill(VOLUNTEER)
      await button(login, '获取验证码').tap()
      await input(login, '验证码').fill(await server.waitForSmsCode(VOLUNTEER))
      await button(login, /^登录$/).tap()
      await toastGone(page)

      await page.goto(PAGE.workspace)
      const workspace = screen(page, PAGE.workspace)
      await workspace.getByText('待上传 0 条').waitFor()

      // No location permission yet: the form asks for an address and offers 重新定位.
      await button(workspace, '新建报告').tap()
      await page.waitForURL(`**${PAGE.report}**`)
      const form = screen(page, PAGE.report)
      await form.getByText('没有定位权限，请手动填写地址').waitFor()
      await input(form, '手动填写地址').waitFor()
      await form.locator('.report-location').scrollIntoViewIfNeeded()
      await screenshot('v02-form-manual-address')
      // Permission given: 重新定位 finds the spot and says how precise it is.
      await context.grantPermissions(['geolocation'])
      await context.setGeolocation(HERE)
      await button(form, '重新定位').tap()
      await form.getByText(`定位精度约 ${HERE.accuracy} 米`).waitFor()
      await form.locator('.report-location').scrollIntoViewIfNeeded()
      await screenshot('v02-form-accuracy')
      // Nothing filled in: the problems show on the fields.
      await button(form, '提交报告').tap()
      await form.locator('.field-error').filter({ hasText: '请选择问题类别' }).waitFor()
      await form.locator('.field-error').filter({ hasText: '请至少拍一张照片或写几句说明' }).waitFor()
      await page.goBack()
      await page.waitForURL(`**${PAGE.workspace}**`)

      // The app shell is saved by the service worker before the signal goes.
      await waitForOfflineShell(page)

      // The network goes away; two reports are filed anyway.
      await context.setOffline(true)
      await fileReport(page, '幸福超市', '过期变质食品', photos[0]!)
      await workspace.getByText('待上传 1 条').waitFor()
      await toastGone(page)
      await fileReport(page, '草原百货', '明码标价缺失/价格欺诈', photos[1]!)
      await workspace.getByText('待上传 2 条').waitFor()
      await toastGone(page)

      // A queued report can still be corrected…
      await button(workspace.locator('.outbox-item').filter({ hasText: '幸福超市' }), '修改').tap()
      await page.waitForURL(`**${PAGE.report}?clientId=**`)
      const editing = screen(page, PAGE.report)
      assert.equal(await input(editing, '商家名称').inputValue(), '幸福超市')
      await editing.getByText('已添加 1 张，最多 9 张').waitFor()
      await editing.locator('taro-textarea-core textarea').fill(EDITED_NOTES)
      await button(editing, '保存修改').tap()
      await page.waitForURL(`**${PAGE.workspace}**`)
      await toastGone(page)
      // …or thrown away, after a confirmation.
      await fileReport(page, '误报商店', '其他')
      await workspace.getByText('待上传 3 条').waitFor()
      await toastGone(page)
      await button(workspace.locator('.outbox-item').filter({ hasText: '误报商店' }), '删除').tap()
      await modalConfirm(page, '删除').tap()
      await workspace.getByText('待上传 2 条').waitFor()
      assert.equal(await workspace.getByText('误报商店').count(), 0)
      await screenshot('v01-workspace-outbox-2')

      // Reload with no network at all: the shell comes from the service worker, the reports and their
      // photos from the phone, and nothing has reached the server.
      await page.reload()
      await screen(page, PAGE.workspace).getByText('待上传 2 条').waitFor()
      await screen(page, PAGE.workspace).getByText('幸福超市 · 过期变质食品').waitFor()
      const meanwhile = await server.api('GET', '/staff/field-reports', { token: staff.accessToken })
      assert.equal((meanwhile.body as StaffList).items.length, 0, 'nothing reached the server yet')

      // The network is back: both go up by themselves (no tap), oldest first.
      await context.setOffline(false)
      await screen(page, PAGE.workspace).getByText('待上传 0 条').waitFor({ timeout: 40_000 })
      await screenshot('v01-workspace-uploaded')
    })

    const { status, body } = await server.api('GET', '/staff/field-reports', { token: staff.accessToken })
    assert.equal(status, 200)
    const items = (body as StaffList).items
    assert.equal(items.length, 2, 'each report exists exactly once')
    assert.deepEqual(items.map((r) => r.businessName).sort(), ['幸福超市', '草原百货'].sort())
    for (const report of items) {
      assert.equal(report.photos.length, 1)
      assert.equal(report.location?.accuracy, HERE.accuracy)
      assert.equal(report.volunteer.name, '李师傅')
    }
    assert.equal(items.find((r) => r.businessName === '幸福超市')?.notes, EDITED_NOTES, 'the edit made while queued is what was sent')
  })

  test('消协把一份报告转为投诉，志愿者看到“已转为投诉”', async (t) => {
    volunteer = await server.signIn(VOLUNTEER)
    await onPhone({ t, name: 'staff-convert', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, staff)
      await page.goto(PAGE.staffReports)
      const queue = screen(page, PAGE.staffReports)
      await queue.locator('.report-card').nth(1).waitFor()
      await queue.getByText('志愿者：李师傅').first().waitFor()
      await screenshot('v04-staff-queue')
      const download = page.waitForEvent('download')
      await button(queue, '导出 CSV').tap()
      const csv = readFileSync((await (await download).path())!, 'utf8')
      assert.ok(csv.startsWith('\uFEFF'), 'the CSV opens in Excel as UTF-8')
      assert.match(csv, /幸福超市/)
      assert.match(csv, /草原百货/)
      await queue.locator('.report-card').filter({ hasText: '幸福超市' }).tap()
      await page.waitForURL(`**${PAGE.staffReport}**`)
      const detail = screen(page, PAGE.staffReport)
      await detail.getByText('坐标：').waitFor()
      await button(detail, '转为投诉').scrollIntoViewIfNeeded()
      await screenshot('v06-staff-report-actions')
      await button(detail, '转为投诉').tap()
      await modalConfirm(page, '转为投诉').tap()
      await detail.locator('.report-status').filter({ hasText: '已转为投诉' }).waitFor()
      await button(detail, '查看投诉').waitFor()
    })

    await onPhone({ t, name: 'volunteer-sees-status', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, volunteer)
      await page.goto(PAGE.reports)
      const mine = screen(page, PAGE.reports)
      const converted = mine.locator('.report-card').filter({ hasText: '幸福超市' })
      await converted.locator('.report-status').filter({ hasText: '已转为投诉' }).waitFor()
      await mine.locator('.report-card').filter({ hasText: '草原百货' }).locator('.report-status').filter({ hasText: '待审核' }).waitFor()
      await screenshot('v03-my-reports')
    })
  })

  test('消费者申请成为志愿者，消协通过后出现志愿者工作台', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    await onPhone({ t, name: 'volunteer-apply', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, consumer)
      await page.goto(PAGE.me)
      await screen(page, PAGE.me).getByText('申请成为维权志愿者').tap()
      await page.waitForURL(`**${PAGE.apply}**`)
      const apply = screen(page, PAGE.apply)
      await button(apply, '提交申请').tap()
      await apply.locator('.field-error').filter({ hasText: '请填写姓名' }).waitFor()
      await input(apply, '姓名').fill('王秀兰')
      await input(apply, '所在地区').fill('内蒙古/锡林郭勒盟')
      await apply.locator('taro-textarea-core textarea').fill('退休在家，常去集市，愿意帮大家看看商家有没有问题。')
      await button(apply, '提交申请').tap()
      await apply.getByText('申请审核中').waitFor()
      await toastGone(page)
      await screenshot('v05-apply-pending')
    })

    await onPhone({ t, name: 'staff-approve', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, staff)
      await page.goto(PAGE.staffApplications)
      const list = screen(page, PAGE.staffApplications)
      const card = list.locator('[data-application-id]').filter({ hasText: '王秀兰' })
      await card.waitFor()
      await screenshot('v07-staff-applications')
      await button(card, /^通过$/).tap()
      await modalConfirm(page, '通过').tap()
      await list.getByText('没有这类申请').waitFor()
    })

    await onPhone({ t, name: 'volunteer-approved', baseUrl: server.baseUrl }, async ({ page }) => {
      await signInBrowser(page, consumer)
      await page.goto(PAGE.me)
      const me = screen(page, PAGE.me)
      await me.getByText('进入志愿者工作台').tap()
      await page.waitForURL(`**${PAGE.workspace}**`)
      await screen(page, PAGE.workspace).getByText('新建报告').waitFor()
      await screen(page, PAGE.workspace).getByText('待上传 0 条').waitFor()
    })
  })
})
