/**
 * The first offline use works: a volunteer opens 志愿者工作台 once with a network, the signal goes, and
 * 新建报告 and every other consumer and volunteer page — none opened before — still open, because the
 * service worker saved all their code at install (src/sw.js, list made by config/precache-shell.ts).
 * The previous worker's cache is gone; a staff page, deliberately not saved, says why it cannot open.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/offline.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { onPhone } from './support/browser'
import { cacheNames, waitForOfflineShell } from './support/offline'
import { useServerAndBrowser } from './support/suite'
import { button, modal, screen, tapTab } from './support/taro'
import { COMPLAINTS, COMPLAINT_DETAIL, ENTERPRISE_PAGE, FILING_STEPS, HOME, LOGIN, ME, MESSAGES, NOTIFICATION_SETTINGS, STAFF_WORKSPACE, VOLUNTEER, VOLUNTEER_APPLY, VOLUNTEER_REPORT as REPORT, VOLUNTEER_REPORTS, VOLUNTEER_WORKSPACE as WORKSPACE, WARNINGS_DETAIL, WARNINGS_LIST, WARNINGS_SEARCH } from './support/routes'

const OLD_CACHE = 'weiquan-shell-v1'

/** Every consumer and volunteer page not yet opened, with the title its navigation bar shows. */
const PAGES: Array<{ url: string; title: string }> = [
  { url: HOME, title: '维权通' },
  { url: COMPLAINTS, title: '我的投诉' },
  { url: MESSAGES, title: '消息' },
  { url: LOGIN, title: '登录' },
  { url: FILING_STEPS.business, title: '我要投诉' },
  { url: FILING_STEPS.facts, title: '我要投诉' },
  { url: FILING_STEPS.photos, title: '我要投诉' },
  { url: FILING_STEPS.contact, title: '我要投诉' },
  { url: FILING_STEPS.review, title: '我要投诉' },
  { url: `${FILING_STEPS.result}?id=offline`, title: '提交成功' },
  { url: `${COMPLAINT_DETAIL}?id=offline`, title: '投诉详情' },
  { url: `${ENTERPRISE_PAGE}?id=offline`, title: '企业信息' },
  { url: NOTIFICATION_SETTINGS, title: '通知设置' },
  { url: WARNINGS_LIST, title: '消费警示' },
  { url: `${WARNINGS_DETAIL}?id=offline`, title: '消费警示' },
  { url: WARNINGS_SEARCH, title: '搜索消费警示' },
  { url: VOLUNTEER_REPORTS, title: '我的报告' },
  { url: '/packages/volunteer/pages/detail/index?id=offline', title: '报告详情' },
  { url: VOLUNTEER_APPLY, title: '申请成为志愿者' },
]

async function showsPage(page: Page, url: string, title: string) {
  const route = url.split('?')[0]!
  await screen(page, route).locator('taro-view-core').first().waitFor({ state: 'attached' })
  await page.waitForFunction(
    (expected) => document.querySelector('.taro-navigation-bar-title')?.textContent?.trim() === expected,
    title,
    { timeout: 5_000 },
  ).catch(() => {
    throw new Error(`${url} did not show its title ${title} offline`)
  })
}

describe('离线第一次就能用（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  test('在线打开一次工作台，断网后新建报告和其他从没打开过的页面都能打开', async (t) => {
    const volunteer = await server.signIn(VOLUNTEER)
    await onPhone({ t, name: 'offline-first-time', baseUrl: server.baseUrl }, async ({ page, context, screenshot, allowConsoleError }) => {
      // API calls made while offline fail in the console; that is the point here.
      allowConsoleError(/ERR_INTERNET_DISCONNECTED|Failed to load resource|net::ERR/)
      // Signed in, and holding the cache an older version of the worker left behind.
      await context.addInitScript(
        ({ state, oldCache }) => {
          if (localStorage.getItem('weiquan-session')) return
          localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
          void caches.open(oldCache).then((cache) => cache.put('/js/app.00000000.js', new Response('old')))
        },
        { state: volunteer, oldCache: OLD_CACHE },
      )

      // The app is loaded once, on the workspace, and the service worker takes over.
      await page.goto(WORKSPACE)
      await screen(page, WORKSPACE).getByText('待上传 0 条').waitFor()
      await waitForOfflineShell(page)

      // The signal goes; 新建报告 opens the form it has never loaded.
      await context.setOffline(true)
      await button(screen(page, WORKSPACE), '新建报告').tap()
      await page.waitForURL(`**${REPORT}**`)
      await showsPage(page, REPORT, '走访报告')
      await screen(page, REPORT).getByText('提交报告').waitFor()
      await screenshot('o01-report-form-offline')

      // Every other consumer and volunteer page, each loaded afresh with no network.
      for (const { url, title } of PAGES) {
        await page.goto(url)
        await showsPage(page, url, title)
      }
      // The tabs switch to pages not yet open in this tab bar.
      await page.goto(HOME)
      await showsPage(page, HOME, '维权通')
      await tapTab(page, '我的')
      await showsPage(page, ME, '我的')
      await tapTab(page, '消息')
      await showsPage(page, MESSAGES, '消息')
      await screenshot('o02-messages-offline')

      // Staff pages are not saved on phones: instead of a blank screen, a message says why.
      await page.goto(STAFF_WORKSPACE)
      await modal(page).filter({ hasText: '现在没有网络，这个页面还没有保存在手机上' }).waitFor()
      await screenshot('o03-staff-page-offline-message')

      // One versioned cache: the older worker's cache was removed when this one took over.
      await context.setOffline(false)
      const names = await cacheNames(page)
      assert.equal(names.length, 1, `caches: ${names.join(', ')}`)
      assert.match(names[0]!, /^weiquan-shell-[0-9a-f]{12}$/)
      const worker = await (await page.request.get('/sw.js')).text()
      assert.ok(worker.includes(`"${names[0]!.slice('weiquan-shell-'.length)}"`), 'the cache is named after the version in sw.js')
    })
  })
})
