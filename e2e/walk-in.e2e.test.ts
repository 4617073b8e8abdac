/**
 * 代办 at a station counter: the demo station operator (13800000016, 西湖区文三路社区服务站) files for a
 * walk-in person who confirms with the SMS code sent to their phone (read here from the console SMS
 * adapter); photos are taken at the counter; the number is shown. Later the person logs in with the
 * same phone and finds the case in their own list. Screens at 390×844, and at 200 % text.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/walk-in.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, input, screen, signInAs } from './support/taro'
import { COMPLAINTS, STAFF_WORKSPACE } from './support/routes'

const OPERATOR = '13800000016'
const PERSON = '13700005678'
const STATION_WORKSPACE = '/packages/station/pages/workspace/index'
const FILE = '/packages/station/pages/file/index'

async function receiptPhoto(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'weiquan-walk-in-')), 'receipt.jpg')
  const image = sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 230, g: 220, b: 200 } } })
    .composite([{ input: Buffer.from('<svg width="1600" height="1200"><text x="100" y="600" font-size="160" fill="black">购物小票 ¥1280</text></svg>') }])
    .jpeg({ quality: 90 })
  writeFileSync(file, await image.toBuffer())
  return file
}

describe('服务站代办投诉（H5）', () => {
  // The person gets the consent code and, a minute later, a login code: more than one a minute.
  const server = useServerAndBrowser({ env: { SMS_PHONE_PER_MINUTE: '5' } })

  test('an operator files for a walk-in person who confirms by SMS code; the person later logs in and sees it', async (t) => {
    const operator = await server.signIn(OPERATOR)
    const photo = await receiptPhoto()
    let number = ''
    let consentCode = ''
    await onPhone({ t, name: 'walk-in', baseUrl: server.baseUrl }, async ({ page, screenshot, allowConsoleError }) => {
      allowConsoleError(/400 \(Bad Request\) @ .*\/consent$/)
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, operator)
      await page.goto(STAFF_WORKSPACE)
      await screen(page, STAFF_WORKSPACE).getByText('服务站代办 · 西湖区文三路社区服务站').tap()
      await page.waitForURL(`**${STATION_WORKSPACE}**`)
      const workspace = screen(page, STATION_WORKSPACE)
      await workspace.getByText('本站还没有代办过投诉').waitFor()
      await screenshot('walk-in-01-workspace')
      await button(workspace, '代办投诉').tap()
      await page.waitForURL(`**${FILE}**`)

      const flow = screen(page, FILE)
      await input(flow, '投诉人的手机号').fill(PERSON)
      await input(flow, '投诉人姓名或称呼').fill('赵大爷')
      await screenshot('walk-in-02-phone')
      await button(flow, '发送验证码').tap()
      const code = await server.waitForSmsCode(PERSON)
      consentCode = code
      await flow.getByText('请投诉人把短信里的 6 位数字读给您').waitFor()
      // A code misheard first: refused, nothing confirmed.
      await input(flow, '投诉人读出的验证码').fill(code === '000000' ? '111111' : '000000')
      await button(flow, '确认同意代办').tap()
      await flow.getByText('验证码错误或已过期').waitFor()
      await input(flow, '投诉人读出的验证码').fill(code)
      await screenshot('walk-in-03-code')
      await button(flow, '确认同意代办').tap()

      await flow.getByText('第 3 步 / 共 5 步').waitFor()
      await input(flow, '被投诉的商家').fill('文三路示例眼镜店')
      await input(flow, '商家所在地区').fill('浙江省/杭州市/西湖区')
      await flow.getByRole('radio', { name: '家电' }).tap()
      await input(flow, '涉及金额（元）').fill('1280')
      await flow.locator('textarea').fill('在店里配的老花镜一周就脱胶，店家说是人为损坏不给换，要求退款或者免费重配。')
      await flow.getByRole('checkbox', { name: '退款' }).tap()
      await screenshot('walk-in-04-details', { fullPage: true })
      await button(flow, '下一步：拍照').tap()

      const chooser = page.waitForEvent('filechooser')
      await button(flow, '从相册选').tap()
      await (await chooser).setFiles([photo])
      await flow.getByText('✓ 已上传').waitFor({ timeout: 30_000 })
      await screenshot('walk-in-05-photos')
      await button(flow, '下一步：核对提交').tap()
      await flow.getByText('照片：1 张').waitFor()
      await button(flow, '提交投诉').tap()
      await flow.getByText('✓ 投诉已提交').waitFor()
      number = ((await flow.locator('.walk-in__number').textContent()) ?? '').replace(/\s+/g, '')
      assert.match(number, /^WQ\d{14}$/)
      await screenshot('walk-in-06-number')

      await button(flow, '返回本站代办记录').tap()
      await page.waitForURL(`**${STATION_WORKSPACE}**`)
      await workspace.getByText('文三路示例眼镜店').waitFor()
      await workspace.getByText('137****5678', { exact: false }).waitFor()
      await screenshot('walk-in-07-records', { fullPage: true })
    })

    // The consent code never logs anybody in.
    const reuse = await server.api('POST', '/auth/phone', { body: { phone: PERSON, code: consentCode } })
    assert.equal(reuse.status, 400)

    const person = await server.signIn(PERSON)
    await onPhone({ t, name: 'walk-in-person', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, person)
      await page.goto(COMPLAINTS)
      await screen(page, COMPLAINTS).getByText('文三路示例眼镜店').waitFor()
      await screenshot('walk-in-08-person-list')
    })
    const mine = (await server.api('GET', '/complaints', { token: person.accessToken })).body as { items: Array<{ number: string; photoCount: number }> }
    assert.deepEqual(mine.items.map((c) => [c.number, c.photoCount]), [[number, 1]])
  })

  test('the counter screens at 200 % text', async (t) => {
    const operator = await server.signIn(OPERATOR)
    await onPhone({ t, name: 'walk-in-200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, operator)
      await page.goto(STATION_WORKSPACE)
      await screen(page, STATION_WORKSPACE).getByText('每月代办件数').waitFor()
      await screenshot('walk-in-200-workspace', { fullPage: true })
      await page.goto(FILE)
      await input(screen(page, FILE), '投诉人的手机号').waitFor()
      await screenshot('walk-in-200-phone', { fullPage: true })
    })
  })
})
