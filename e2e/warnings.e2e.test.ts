/**
 * Consumer warnings on the H5 app against the real server (fresh database, seeded warnings) in
 * Chromium as an iPhone 13: an anonymous user searches 会销 and 退款 and opens a highlighted result;
 * sharing without the Web Share API copies a link that opens the detail directly; a warning read
 * once still shows offline after a reload, with the "saved at" notice; staff write a draft with a
 * live preview that the public cannot open, publish it, and it appears in the public list.
 *
 * Run: npx taro build --type h5 && node scripts/precompress.mjs dist/h5 && node --import tsx --test e2e/warnings.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import { waitForOfflineShell } from './support/offline'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, toastGone } from './support/taro'
import { HOME, STAFF, WARNINGS_DETAIL as DETAIL, WARNINGS_LIST as LIST, WARNINGS_SEARCH as SEARCH } from './support/routes'

const STAFF_LIST = '/packages/staff-warnings/pages/list/index'
const EDITOR = '/packages/staff-warnings/pages/editor/index'

interface Summary {
  id: string
  title: string
  kind: string
}

function textarea(scope: Locator, label: string): Locator {
  return scope.locator(`taro-textarea-core[aria-label="${label}"] textarea, textarea[aria-label="${label}"]`).first()
}

/** CSS px font size and line height of the first paragraph of a rendered body. */
async function bodyType(scope: Locator) {
  return scope.locator('.warning-body p').first().evaluate((p) => {
    const style = getComputedStyle(p)
    return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize) }
  })
}

async function searchFor(page: Page, word: string): Promise<Locator> {
  const view = screen(page, SEARCH)
  await input(view, '搜索关键词').fill(word)
  await button(view, /^搜索$/).tap()
  await view.getByText(`与“${word}”相关的警示`).waitFor()
  return view
}

describe('消费警示（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  test('不登录搜索“会销”和“退款”：结果里标出搜索词，点开看到详情（正文 ≥ 17px，行高 ≥ 1.6）', async (t) => {
    await onPhone({ t, name: 'warnings-search', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      // 首页: urgent warnings as a banner on top, and the 消费警示 entry opens the list.
      await page.goto('/')
      const home = screen(page, HOME)
      await home.getByText('紧急消费警示').waitFor()
      assert.ok((await home.locator('.urgent-banner__item').count()) >= 1)
      await screenshot('w00-home-banner')
      await home.locator('.home__action').filter({ hasText: '消费警示' }).tap()
      await page.waitForURL(`**${LIST}`)
      const list = screen(page, LIST)
      await list.locator('.warning-card').first().waitFor()
      assert.ok((await list.locator('.warning-card').count()) >= 5, 'the list shows the seeded warnings')
      await screenshot('w01-list')

      await list.getByText('搜索警示').tap()
      await page.waitForURL(`**${SEARCH}`)
      for (const word of ['会销', '退款']) {
        const view = await searchFor(page, word)
        const hits = view.locator('.warning-card .search-hit')
        await hits.first().waitFor()
        assert.equal(await hits.first().innerText(), word)
        const background = await hits.first().evaluate((el) => getComputedStyle(el).backgroundColor)
        assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the hit is marked')
        await screenshot(`w02-search-${word === '会销' ? 'huixiao' : 'tuikuan'}`)
      }

      const first = screen(page, SEARCH).locator('.warning-card').first()
      const title = (await first.locator('.warning-card__title').innerText()).trim()
      await first.tap()
      await page.waitForURL(`**${DETAIL}?id=*`)
      const detail = screen(page, DETAIL)
      await detail.locator('.warning-detail__title').filter({ hasText: title }).waitFor()
      await detail.getByText('发布单位：').waitFor()
      const type = await bodyType(detail)
      assert.ok(type.size >= 17, `body text is ${type.size} px`)
      assert.ok(type.lineHeight >= 1.6, `line height is ${type.lineHeight}`)
      await screenshot('w03-detail')
    })
  })

  test('没有系统分享时“分享”复制链接；链接直接打开这条警示', async (t) => {
    const listed = (await server.api('GET', '/warnings?pageSize=5')).body as { items: Summary[]; pinned: Summary[] }
    const warning = [...listed.pinned, ...listed.items][0]!
    await onPhone({ t, name: 'warnings-share', baseUrl: server.baseUrl }, async ({ page, context, screenshot }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl })
      // Desktop Chromium may offer navigator.share; phones without it get the copy fallback.
      await context.addInitScript(() => {
        delete (Navigator.prototype as { share?: unknown }).share
      })
      await page.goto(`${DETAIL}?id=${warning.id}`)
      const detail = screen(page, DETAIL)
      await detail.locator('.warning-detail__title').filter({ hasText: warning.title }).waitFor()
      await button(detail, '分享给家人朋友').tap()
      await page.getByText('链接已复制').waitFor()
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      assert.equal(copied, `${server.baseUrl}${DETAIL}?id=${encodeURIComponent(warning.id)}`)
      await screenshot('w04-share-copied')

      const opened = await context.newPage()
      await opened.goto(copied)
      await screen(opened, DETAIL).locator('.warning-detail__title').filter({ hasText: warning.title }).waitFor()
      await opened.close()
    })
  })

  test('断网后重新打开看过的警示（比较试验带表格）：仍能阅读，并提示是已保存的内容', async (t) => {
    const listed = (await server.api('GET', '/warnings?kind=comparison')).body as { items: Summary[]; pinned: Summary[] }
    const comparison = [...listed.pinned, ...listed.items][0]
    assert.ok(comparison, 'a comparison test is seeded')
    await onPhone({ t, name: 'warnings-offline', baseUrl: server.baseUrl }, async ({ page, context, screenshot, allowConsoleError }) => {
      allowConsoleError(/ERR_INTERNET_DISCONNECTED|Failed to load resource/)
      await page.goto(LIST)
      const list = screen(page, LIST)
      await list.getByText('比较试验').first().tap()
      await list.locator('.warning-card').filter({ hasText: comparison.title }).tap()
      await page.waitForURL(`**${DETAIL}?id=*`)
      const detail = screen(page, DETAIL)
      await detail.locator('.warning-detail__title').filter({ hasText: comparison.title }).waitFor()
      const table = detail.locator('.warning-body table').first()
      await table.waitFor()
      // A wide table scrolls inside the body; the page itself never gets wider than the phone.
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }))
      assert.ok(widths.page <= widths.viewport, `page is ${widths.page} px wide on a ${widths.viewport} px screen`)
      await table.scrollIntoViewIfNeeded()
      await screenshot('w05-comparison-table')

      // The service worker has taken over and saved the app shell.
      await waitForOfflineShell(page)

      await context.setOffline(true)
      await page.reload()
      const offline = screen(page, DETAIL)
      await offline.getByText('网络不可用，显示的是已保存的内容（保存于').waitFor()
      await offline.locator('.warning-detail__title').filter({ hasText: comparison.title }).waitFor()
      await offline.locator('.warning-body table').first().waitFor()
      await screenshot('w06-offline-detail')

      await page.goto(LIST)
      const offlineList = screen(page, LIST)
      await offlineList.getByText('网络不可用，显示的是已保存的内容').waitFor()
      await offlineList.locator('.warning-card').filter({ hasText: comparison.title }).waitFor()
      await context.setOffline(false)
    })
  })

  test('工作人员写草稿（实时预览去掉脚本），公众打不开草稿；发布后出现在公众列表', async (t) => {
    const staff = await server.signIn(STAFF)
    const title = `测试警示：警惕“免费体检”${Date.now() % 10000}`
    await onPhone({ t, name: 'warnings-staff', baseUrl: server.baseUrl }, async ({ page, screenshot, allowConsoleError }) => {
      allowConsoleError(/404/)
      await page.goto('/')
      await page.evaluate((state) => {
        localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
      }, staff)
      await page.goto(STAFF_LIST)
      const list = screen(page, STAFF_LIST)
      await button(list, '新建警示').tap()
      await page.waitForURL(`**${EDITOR}`)
      const editor = screen(page, EDITOR)
      await input(editor, '标题').fill(title)
      await textarea(editor, '摘要').fill('有人以免费体检为名推销高价保健品，老人千万别去。')
      await textarea(editor, '正文').fill('<h3>怎么识别</h3><p>免费体检之后<strong>推销保健品</strong>。</p><script>alert(1)</script><p onclick="x()">请告诉家里老人。</p>')

      // A picture from the album goes into the body: uploaded, its public copy has no GPS.
      const dir = mkdtempSync(path.join(tmpdir(), 'weiquan-warning-image-'))
      const photo = path.join(dir, 'sale-meeting.jpg')
      await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 180, g: 90, b: 40 } } })
        .jpeg({ quality: 90 })
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 3000/100' } })
        .toFile(photo)
      const chooser = page.waitForEvent('filechooser')
      await button(editor, '插入图片').tap()
      await (await chooser).setFiles(photo)
      await page.waitForFunction(() => /<img src="[^"]+"/.test((document.querySelector('taro-textarea-core[aria-label="正文"] textarea') as HTMLTextAreaElement | null)?.value ?? ''))
      const preview = editor.locator('.staff-editor__preview')
      const image = preview.locator('.warning-body img').first()
      await image.waitFor()
      rmSync(dir, { recursive: true, force: true })
      const src = await image.getAttribute('src')
      const publicCopy = await fetch(new URL(src!, server.baseUrl))
      assert.equal(publicCopy.status, 200)
      const metadata = await sharp(Buffer.from(await publicCopy.arrayBuffer())).metadata()
      assert.equal(metadata.exif, undefined, 'the public copy carries no EXIF (GPS)')

      await preview.getByText('推销保健品').waitFor()
      await preview.getByText('请告诉家里老人。').waitFor()
      assert.equal(await preview.locator('script, [onclick]').count(), 0)
      await screenshot('w07-editor-preview', { fullPage: true })

      await button(editor, '保存草稿').tap()
      await editor.getByText('状态：草稿').waitFor()
      const drafts = (await server.api('GET', '/staff/warnings?status=draft', { token: staff.accessToken })).body as { items: Summary[] }
      const draft = drafts.items.find((w) => w.title === title)
      assert.ok(draft, 'the draft is saved')
      assert.equal((await server.api('GET', `/warnings/${draft.id}`)).status, 404)

      const visitor = await page.context().browser()!.newContext({ baseURL: server.baseUrl })
      const stranger = await visitor.newPage()
      await stranger.goto(`${DETAIL}?id=${draft.id}`)
      await screen(stranger, DETAIL).getByText('不存在').first().waitFor()
      await visitor.close()

      await toastGone(page)
      await button(editor, '立即发布').tap()
      await modalConfirm(page, '确定').tap()
      await editor.getByText('状态：已发布').waitFor()

      await page.goto(LIST)
      await screen(page, LIST).locator('.warning-card').filter({ hasText: title }).waitFor()
    })
  })
})
