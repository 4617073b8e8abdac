/**
 * Filing a complaint on the H5 app, against the real server (fresh database, demo accounts) and the
 * built dist/h5, in Chromium emulating an iPhone 13: five steps with real photos (made here with
 * sharp, one carrying GPS EXIF), the result and its receipt, the list, the detail with thumbnails;
 * a reload keeps the draft and its photos; a submit whose answer is lost files exactly once.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/complaint.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import exifr from 'exifr'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import type { TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, input, screen, storedSession, toastGone } from './support/taro'
import { COMPLAINTS, COMPLAINT_DETAIL, CONSUMER as CONSUMER_PHONE, FILING_STEPS, HOME, LOGIN } from './support/routes'

const CONSUMER = { phone: CONSUMER_PHONE, name: '王阿姨' }
const STEP = { ...FILING_STEPS, detail: COMPLAINT_DETAIL }
const YESTERDAY = (() => {
  const [y, m, d] = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
})()
const DESCRIPTION = '11月20日在店里买的纯牛奶，回家发现已经过期三天了。找店员要求退款，店员说售出概不退换，态度很差。'

interface ComplaintList {
  items: Array<{ id: string; number: string; businessName: string; status: string; photoCount: number }>
}
interface Detail {
  id: string
  number: string
  evidence: Array<{ sha256: string; displayUrl: string; thumbnailUrl: string }>
}

/** Three phone-sized JPEGs; the first says where it was taken (GPS), as phone photos do. */
async function makePhotos(dir: string): Promise<string[]> {
  const colours = [
    { r: 200, g: 60, b: 40 },
    { r: 40, g: 140, b: 200 },
    { r: 60, g: 170, b: 80 },
  ]
  const files: string[] = []
  for (const [index, background] of colours.entries()) {
    // A gradient-ish picture so the JPEG is not trivially small; 2400×1800 like a phone photo.
    let image = sharp({ create: { width: 2400, height: 1800, channels: 3, background } })
      .composite([{ input: Buffer.from(`<svg width="2400" height="1800"><text x="200" y="900" font-size="400" fill="white">证据 ${index + 1}</text></svg>`) }])
      .jpeg({ quality: 92 })
    if (index === 0) {
      image = image.withExif({
        IFD0: { Make: 'WeiquanTestCam', Model: 'E2E', DateTime: '2026:11:20 10:30:00' },
        IFD2: { DateTimeOriginal: '2026:11:20 10:30:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 3000/100' },
      })
    }
    const file = path.join(dir, `evidence-${index + 1}.jpg`)
    writeFileSync(file, await image.toBuffer())
    files.push(file)
  }
  return files
}

async function signIn(page: Page, server: TestServer) {
  const login = screen(page, LOGIN)
  await input(login, '手机号').fill(CONSUMER.phone)
  await button(login, '获取验证码').tap()
  const code = await server.waitForSmsCode(CONSUMER.phone)
  await input(login, '验证码').fill(code)
  await button(login, /^登录$/).tap()
}

const chip = (scope: Locator, label: string) => scope.locator('.chip').filter({ hasText: new RegExp(`^\\s*✓?\\s*${label}\\s*$`) })

async function next(page: Page, from: string, to: string) {
  await button(screen(page, from), '下一步').tap()
  await page.waitForURL(`**${to}?**`)
  await screen(page, to).locator('.filing-title').waitFor()
}

/** Steps 1, 2 (and 4): what every story types. Starts on step 1, ends on step 3. */
async function fillBusinessAndFacts(page: Page, business: string, shot?: (name: string) => Promise<unknown>) {
  const one = screen(page, STEP.business)
  await one.getByText('第 1 步，共 5 步').waitFor()
  // Tapping 下一步 with nothing filled in shows what is missing, on the fields.
  await button(one, '下一步').tap()
  await one.locator('.field-error').filter({ hasText: '请填写商家名称' }).waitFor()
  await one.locator('.field-error').filter({ hasText: '请选择行业' }).waitFor()
  await input(one, '商家名称').fill(business)
  await input(one, '所在地区').fill('北京市朝阳区')
  await chip(one, '食品').tap()
  await one.locator('.field-error').waitFor({ state: 'detached' })
  await toastGone(page)
  await shot?.('c01-step1-business-bottom')
  await one.locator('.filing-progress').scrollIntoViewIfNeeded()
  await shot?.('c01-step1-business')
  await next(page, STEP.business, STEP.facts)

  const two = screen(page, STEP.facts)
  await two.getByText('第 2 步，共 5 步').waitFor()
  // The date is a choice, not a silent 今天.
  await chip(two, '昨天').tap()
  await two.getByText(`发生在 ${YESTERDAY}`).waitFor()
  await input(two, '涉及金额').fill('12.5')
  const description = two.locator('taro-textarea-core textarea')
  await description.fill('牛奶过期了')
  await description.blur()
  await two.locator('.field-error').filter({ hasText: '请至少写 20 个字，还差 15 个字' }).waitFor()
  await description.fill(DESCRIPTION)
  await two.getByText(`已写 ${[...DESCRIPTION].length} 字`).waitFor()
  await chip(two, '退款').tap()
  await chip(two, '道歉').tap()
  await two.locator('.field-error').waitFor({ state: 'detached' })
  await shot?.('c02-step2-facts-bottom')
  await two.locator('.filing-progress').scrollIntoViewIfNeeded()
  await shot?.('c02-step2-facts')
  await next(page, STEP.facts, STEP.photos)
}

async function consentAndReview(page: Page, shot?: (name: string) => Promise<unknown>) {
  const four = screen(page, STEP.contact)
  await four.getByText('第 4 步，共 5 步').waitFor()
  assert.equal(await input(four, '联系电话').inputValue(), CONSUMER.phone, 'the phone comes from the signed-in account')
  await button(four, '下一步').tap()
  await four.locator('.field-error').filter({ hasText: '需要您同意后才能提交投诉' }).waitFor()
  await four.locator('.check-row').tap()
  await four.locator('.field-error').waitFor({ state: 'detached' })
  await toastGone(page)
  await shot?.('c04-step4-contact')
  await next(page, STEP.contact, STEP.review)
}

describe('投诉（H5，iPhone 13）', () => {
  // Both stories sign in as 王阿姨 within a minute; the per-phone SMS limit is not what they test.
  const server = useServerAndBrowser({ env: { SMS_PHONE_PER_MINUTE: '10' } })
  let fixtures: string
  let photos: string[]

  before(async () => {
    fixtures = mkdtempSync(path.join(tmpdir(), 'weiquan-photos-'))
    photos = await makePhotos(fixtures)
  })

  after(() => rmSync(fixtures, { recursive: true, force: true }))

  test('王阿姨投诉超市：5 步、3 张照片（刷新不丢）、回执、列表和详情；展示用的照片没有 EXIF', async (t) => {
    const original = await exifr.parse(photos[0]!, { gps: true })
    assert.ok(original?.latitude, 'the fixture photo carries GPS')

    await onPhone({ t, name: 'file-complaint', baseUrl: server.baseUrl }, async ({ page, context, screenshot }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'])
      await page.goto('/')
      const home = screen(page, HOME)
      await home.locator('.home__action').filter({ hasText: '我要投诉' }).tap()
      // Not signed in: the login page first, then straight on to step 1.
      await page.waitForURL('**/pages/login/index?**')
      await signIn(page, server)
      await page.waitForURL(`**${STEP.business}?**`)
      await fillBusinessAndFacts(page, '示例优选超市', screenshot)

      // Step 3: three photos from the album; each uploads on its own, with its progress.
      const three = screen(page, STEP.photos)
      await three.getByText('第 3 步，共 5 步').waitFor()
      const chooser = page.waitForEvent('filechooser')
      await button(three, '从相册选').tap()
      await (await chooser).setFiles(photos)
      await three.getByText('已添加 3 张，最多 9 张').waitFor()
      await three.locator('.photo__status--ok').nth(2).waitFor({ timeout: 30_000 })
      assert.equal(await three.locator('.photo__status--ok').count(), 3)
      await screenshot('c03-step3-photos')

      // The page is reloaded (or the browser closed): the draft and its photos are still there.
      const draftUrl = page.url()
      await page.reload()
      await screen(page, STEP.photos).getByText('已添加 3 张，最多 9 张').waitFor()
      await screen(page, STEP.photos).locator('.photo__status--ok').nth(2).waitFor()
      assert.equal(page.url(), draftUrl)
      await next(page, STEP.photos, STEP.contact)
      await consentAndReview(page, screenshot)

      const five = screen(page, STEP.review)
      await five.getByText('第 5 步，共 5 步').waitFor()
      for (const text of ['示例优选超市', '北京市朝阳区', '食品', YESTERDAY, '12.50 元', '退款、道歉', '证据照片（3 张）', CONSUMER.phone, '已同意']) {
        await five.getByText(text).first().waitFor()
      }
      await screenshot('c05-step5-review')
      await button(five, '提交投诉').scrollIntoViewIfNeeded()
      await screenshot('c05-step5-review-bottom')
      await button(five, '提交投诉').tap()

      // The result: number, what happens next, receipt with every photo's SHA-256.
      await page.waitForURL(`**${STEP.result}?**`)
      const result = screen(page, STEP.result)
      const number = (await result.locator('.result__number').innerText()).trim()
      assert.match(number, /^WQ\d{8}\d{6}$/)
      await result.getByText('投诉已提交').waitFor()
      // Per photo: the hash of the file as picked (matches the gallery) and of the compressed upload.
      await result.getByText('照片1 拍摄时间：2026年11月20日 10:30').waitFor()
      assert.equal(await result.locator('.result__hash').filter({ hasText: 'SHA-256' }).count(), 6)
      await screenshot('c06-result')
      await button(result, '复制回执').scrollIntoViewIfNeeded()
      await screenshot('c06-result-receipt')
      await button(result, '复制回执').tap()
      const receipt = await page.evaluate(() => navigator.clipboard.readText())
      assert.match(receipt, new RegExp(`投诉编号：${number}`))
      assert.match(receipt, /被投诉商家：示例优选超市/)
      assert.match(receipt, new RegExp(`发生日期：${YESTERDAY}`))
      assert.equal((receipt.match(/SHA-256（[^）]+）：[0-9a-f]{64}/g) ?? []).length, 6)
      for (const [index, file] of photos.entries()) {
        const picked = createHash('sha256').update(readFileSync(file)).digest('hex')
        assert.ok(receipt.includes(`照片${index + 1} 原图 SHA-256（与相册中的照片对应）：${picked}`), `photo ${index + 1}: the hash of the file as picked`)
      }
      assert.match(receipt, /照片1 拍摄时间：2026年11月20日 10:30/)

      // The server agrees, and the display copies carry no EXIF (no GPS, no camera).
      const session = await storedSession(page)
      assert.ok(session?.accessToken)
      const list = (await server.api('GET', '/complaints', { token: session.accessToken })).body as ComplaintList
      assert.equal(list.items.length, 1)
      assert.equal(list.items[0]!.number, number)
      assert.equal(list.items[0]!.photoCount, 3)
      const detail = (await server.api('GET', `/complaints/${list.items[0]!.id}`, { token: session.accessToken })).body as Detail
      assert.equal(detail.evidence.length, 3)
      for (const evidence of detail.evidence) {
        assert.ok(receipt.includes(`上传件 SHA-256（压缩后上传的文件）：${evidence.sha256}`), 'the receipt lists the server’s hash of each photo')
        const display = await fetch(new URL(evidence.displayUrl, server.baseUrl))
        assert.equal(display.status, 200)
        const bytes = Buffer.from(await display.arrayBuffer())
        const exif = await exifr.parse(bytes, { tiff: true, gps: true, exif: true, ifd0: {}, xmp: true }).catch(() => undefined)
        assert.ok(!exif || Object.keys(exif).length === 0, `display copy has no EXIF: ${JSON.stringify(exif)}`)
        const meta = await sharp(bytes).metadata()
        assert.ok(Math.max(meta.width ?? 0, meta.height ?? 0) <= 1600, 'display copy is at most 1600 px')
      }

      // 投诉 tab: the complaint with its status, no draft left.
      await button(result, '返回我的投诉').tap()
      await page.waitForURL('**/pages/complaints/index')
      const tab = screen(page, COMPLAINTS)
      const item = tab.locator('.complaint-item').filter({ hasText: number })
      await item.waitFor()
      await item.locator('.status-chip').waitFor()
      assert.equal(await tab.locator('.draft-item').count(), 0, 'the draft was deleted after filing')
      await toastGone(page)
      await screenshot('c07-list')

      // Detail: facts, three thumbnails that load, the timeline.
      await item.tap()
      await page.waitForURL(`**${STEP.detail}?**`)
      const detailScreen = screen(page, STEP.detail)
      await detailScreen.getByText(`投诉编号 ${number}`).waitFor()
      await detailScreen.getByText('处理进度').waitFor()
      const thumbs = detailScreen.locator('.thumbs__item img')
      await thumbs.nth(2).waitFor()
      await page.waitForFunction(
        () => [...document.querySelectorAll<HTMLImageElement>('.thumbs__item img')].filter((img) => img.complete && img.naturalWidth > 0).length >= 3,
      )
      await detailScreen.getByText('您 · 提交投诉').waitFor()
      await screenshot('c08-detail')
      await detailScreen.getByText('处理进度').scrollIntoViewIfNeeded()
      await screenshot('c09-detail-photos-timeline')
      await button(detailScreen, '撤回投诉').scrollIntoViewIfNeeded()
      await screenshot('c10-detail-add-message')
    })
  })

  test('一个 20 MB、名为 .jpg 的随机文件：手机上就拒绝，一个字节也不上传；第 5 步让人删除它', async (t) => {
    const fake = randomBytes(20 * 1024 * 1024)
    fake[0] = 0x42 // not a JPEG signature, whatever the random bytes
    // From disk: a 20 MB buffer handed to setFiles over the DevTools protocol takes longer than its timeout.
    const fakeFile = path.join(fixtures, 'contract.jpg')
    writeFileSync(fakeFile, fake)
    await onPhone({ t, name: 'fake-photo', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.goto(LOGIN)
      await signIn(page, server)
      await page.waitForURL('**/pages/me/index')
      const uploads: string[] = []
      page.on('request', (request) => {
        if (request.url().includes('/api/evidence')) uploads.push(request.method())
      })
      await page.goto(COMPLAINTS)
      await button(screen(page, COMPLAINTS), '我要投诉').tap()
      await page.waitForURL(`**${STEP.business}?**`)
      await fillBusinessAndFacts(page, '随便超市')

      const three = screen(page, STEP.photos)
      const chooser = page.waitForEvent('filechooser')
      await button(three, '从相册选').tap()
      await (await chooser).setFiles(fakeFile)
      const tile = three.locator('.photo')
      await tile.getByText('这不是照片文件，无法上传').waitFor()
      await screenshot('c11-not-a-photo')
      assert.deepEqual(uploads, [], 'nothing was sent')
      const text = await tile.innerText()
      assert.ok(!text.includes('会压缩后上传') && !text.includes('照片不能超过 10 MB'), text)
      assert.equal(await button(tile, '重试').count(), 0)
      assert.equal(await button(tile, '删除').count(), 1)

      await next(page, STEP.photos, STEP.contact)
      await consentAndReview(page)
      const five = screen(page, STEP.review)
      await button(five, '提交投诉').tap()
      await five.getByText('有 1 张照片无法上传，请在第 3 步点“删除”去掉它').waitFor()
      assert.deepEqual(uploads, [], 'still nothing was sent')
    })
  })

  test('提交时网络断了：重新提交后只有一件投诉', async (t) => {
    await onPhone({ t, name: 'retry-submit', baseUrl: server.baseUrl }, async ({ page, allowConsoleError }) => {
      allowConsoleError(/ERR_FAILED|Failed to load resource/)
      await page.goto(LOGIN)
      await signIn(page, server)
      await page.waitForURL('**/pages/me/index')
      const session = await storedSession(page)
      const before = ((await server.api('GET', '/complaints', { token: session!.accessToken! })).body as ComplaintList).items.length

      await page.goto(COMPLAINTS)
      await button(screen(page, COMPLAINTS), '我要投诉').tap()
      await page.waitForURL(`**${STEP.business}?**`)
      await fillBusinessAndFacts(page, '快乐健身')
      await next(page, STEP.photos, STEP.contact) // no photos: they are optional
      await consentAndReview(page)

      // The first POST reaches the server and files the complaint; its answer never comes back.
      let posts = 0
      await page.route('**/api/complaints', async (route) => {
        if (route.request().method() !== 'POST') return route.continue()
        posts++
        if (posts === 1) {
          await route.fetch()
          return route.abort('failed')
        }
        return route.continue()
      })
      const five = screen(page, STEP.review)
      await button(five, '提交投诉').tap()
      await five.getByText('投诉可能已经提交').waitFor()
      const keys = new Set<string>()
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/complaints')) keys.add(request.headers()['idempotency-key'] ?? '')
      })
      await button(five, '重新提交').tap()
      await page.waitForURL(`**${STEP.result}?**`)
      await screen(page, STEP.result).locator('.result__number').waitFor()
      assert.equal(posts, 2)

      const after = ((await server.api('GET', '/complaints', { token: session!.accessToken! })).body as ComplaintList).items
      assert.equal(after.length, before + 1, 'exactly one complaint was filed')
      assert.equal(after.filter((c) => c.businessName === '快乐健身').length, 1)
      assert.equal(keys.size, 1)
    })
  })
})
