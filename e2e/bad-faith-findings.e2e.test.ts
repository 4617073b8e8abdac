/**
 * Bad-faith findings (失信惩戒认定, issue #19): 陈主任 of the top organization proposes a finding
 * against the demo enterprise, linking a complaint; its liaison appeals in the app with a photo; the
 * proposer is refused the decision; a colleague with 失信认定 decides 认定并公示; an anonymous visitor
 * finds it from the warnings list and on the enterprise's page. Staff at a 1280×800 desk, the others
 * on a 390×844 phone (and at 200 % text).
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/bad-faith-findings.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, signInAs, toastGone } from './support/taro'
import { CONSUMER, ENTERPRISE_INBOX, ENTERPRISE_PAGE, LIAISON, STAFF, WARNINGS_LIST } from './support/routes'

const DESK = '/packages/staff/pages/credit-findings/index'
const APPEAL = '/packages/enterprise/pages/finding/index'
const PUBLIC_LIST = '/packages/credit/pages/findings/index'
const ENTERPRISE = '示例优选超市有限公司'
const COLLEAGUE = '13975100001'
const FACTS = '2026 年下半年该超市售出的临期食品被多名消费者投诉，调解中承诺的退款逾期未履行，经督促仍不改正。'

async function receiptPhoto(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'weiquan-credit-')), 'receipt.jpg')
  const image = sharp({ create: { width: 1000, height: 700, channels: 3, background: { r: 235, g: 235, b: 220 } } })
    .composite([{ input: Buffer.from('<svg width="1000" height="700"><text x="60" y="360" font-size="90" fill="black">退款回单 ¥1280</text></svg>') }])
    .jpeg({ quality: 90 })
  writeFileSync(file, await image.toBuffer())
  return file
}

describe('失信认定：提出、申辩、另一位工作人员复核、公示（H5）', () => {
  const server = useServerAndBrowser()

  test('propose → the enterprise appeals → another staff member decides → published on the enterprise page; the proposer is refused', async (t) => {
    const chen = await server.signIn(STAFF)
    // An organization manager grants 失信认定 to a colleague (组织管理 does the same through this API).
    const added = await server.api('POST', '/staff/organizations/org-default/members', {
      token: chen.accessToken,
      body: { phone: COLLEAGUE, displayName: '刘复核', canManage: false, canMediate: true, canCreditFindings: true, stationId: null },
    })
    assert.equal(added.status, 200, JSON.stringify(added.body))

    // A consumer's complaint about the enterprise, held by the top organization.
    const consumer = await server.signIn(CONSUMER)
    const directory = (await server.api('GET', `/enterprises?q=${encodeURIComponent('示例优选')}`)).body as { items: Array<{ id: string; name: string }> }
    const enterpriseId = directory.items.find((e) => e.name === ENTERPRISE)!.id
    const filed = await fetch(`${server.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        business: { name: ENTERPRISE, enterpriseId },
        industry: 'food',
        incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        amountFen: 128_000,
        description: '在超市买的牛奶已经过期，店员承诺退款却一直没有退，电话也不接。',
        demands: ['refund'],
        evidenceIds: [],
        contactPhone: consumer.user.phone,
        consentToShare: true,
      }),
    })
    assert.equal(filed.status, 201, await filed.clone().text())
    const complaint = (await filed.json()) as { number: string }

    let findingId = ''
    await onPhone({ t, name: 'credit-propose', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, chen)
      await page.goto(DESK)
      const desk = screen(page, DESK)
      await desk.getByText('还没有失信认定').waitFor()
      await input(desk, '企业名称').fill('示例优选')
      await button(desk, '在企业名录中查找').click()
      await desk.locator(`[aria-label="选择 ${ENTERPRISE}"]`).click()
      await desk.locator(`[aria-label="关联投诉 ${complaint.number}"]`).click()
      await desk.locator('textarea').first().fill(FACTS)
      await button(desk, '12 个月').click()
      await screenshot('credit-01-propose-desk')
      const proposed = page.waitForResponse((r) => r.url().endsWith('/api/staff/credit-findings') && r.request().method() === 'POST')
      await button(desk, '提出认定并通知企业').click()
      await modalConfirm(page, '提出').click()
      findingId = ((await (await proposed).json()) as { id: string }).id
      const card = desk.locator(`[aria-label="失信认定：${ENTERPRISE}"]`)
      await card.getByText('申辩期内', { exact: true }).waitFor()
      await toastGone(page)
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('credit-02-proposed-desk')
    })

    const liaison = await server.signIn(LIAISON)
    const photo = await receiptPhoto()
    await onPhone({ t, name: 'credit-appeal', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, liaison)
      await page.goto(ENTERPRISE_INBOX)
      await screen(page, ENTERPRISE_INBOX).locator('[aria-label="失信认定与申辩"]').click()
      const appeal = screen(page, APPEAL)
      await appeal.getByText(FACTS).waitFor()
      await screenshot('credit-03-appeal-page')
      await appeal.locator('textarea').first().fill('我司已于 12 月 3 日向投诉的消费者全额退款，附银行回单，并已下架全部临期商品。')
      const chooser = page.waitForEvent('filechooser')
      await button(appeal, '添加照片').click()
      await (await chooser).setFiles([photo])
      await appeal.locator('.credit-photo').first().waitFor({ timeout: 30_000 })
      await screenshot('credit-04-appeal-form', { fullPage: true })
      await button(appeal, '提交申辩').click()
      await modalConfirm(page, '提交').click()
      await appeal.getByText('已收到申辩，等待复核决定。').waitFor()
    })

    await onPhone({ t, name: 'credit-appeal-200pct', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, liaison)
      await page.goto(`${APPEAL}?id=${findingId}`)
      await screen(page, APPEAL).getByText('已收到申辩，等待复核决定。').waitFor()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 200 % text`)
      await screenshot('credit-05-appeal-200pct')
    })

    // The proposer may not decide their own proposal: the desk says so, and the server refuses.
    await onPhone({ t, name: 'credit-own', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page }) => {
      await signInAs(page, chen)
      await page.goto(DESK)
      await screen(page, DESK).getByText('这是您提出的认定，须由另一位有失信认定权限的工作人员复核决定。').waitFor()
    })
    const own = await server.api('POST', `/staff/credit-findings/${findingId}/decision`, { token: chen.accessToken, body: { outcome: 'publish', reasons: '我自己提出的，也由我来决定可以吗？' } })
    assert.equal(own.status, 403)
    assert.equal((own.body as { code: string }).code, 'FINDING_SAME_STAFF')

    const colleague = await server.signIn(COLLEAGUE)
    await onPhone({ t, name: 'credit-decide', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, colleague)
      await page.goto(DESK)
      const desk = screen(page, DESK)
      const card = desk.locator(`[aria-label="失信认定：${ENTERPRISE}"]`)
      await card.getByText('我司已于 12 月 3 日', { exact: false }).waitFor()
      await card.locator('.credit-photo').first().waitFor()
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await card.locator('textarea').first().fill('企业称已退款，但回单只涉及一位消费者，其余投诉的退款仍未履行，申辩不予采纳。')
      await screenshot('credit-06-decide-desk')
      await button(card, '提交决定').click()
      await modalConfirm(page, '确定').click()
      await card.getByText('已认定并公示', { exact: true }).waitFor()
      await toastGone(page)
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('credit-07-decided-desk')
    })

    await onPhone({ t, name: 'credit-public', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(WARNINGS_LIST)
      await screen(page, WARNINGS_LIST).locator('[aria-label="失信认定公示"]').click()
      const list = screen(page, PUBLIC_LIST)
      await list.getByText('申辩不予采纳', { exact: false }).waitFor()
      await list.getByText('第三十七条', { exact: false }).first().waitFor()
      assert.doesNotMatch((await list.textContent()) ?? '', /13800000001|王阿姨/)
      await screenshot('credit-08-public-list')
      await list.getByText(`${ENTERPRISE} ›`).click()
      const enterprise = screen(page, ENTERPRISE_PAGE)
      const section = enterprise.locator('[aria-label="失信认定公示"]')
      await section.getByText('公示 12 个月', { exact: false }).waitFor()
      await section.getByText('我司已于 12 月 3 日', { exact: false }).waitFor()
      await section.scrollIntoViewIfNeeded()
      await screenshot('credit-09-enterprise-page')
    })

    await onPhone({ t, name: 'credit-public-200pct', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(PUBLIC_LIST)
      await screen(page, PUBLIC_LIST).getByText('申辩不予采纳', { exact: false }).waitFor()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 200 % text`)
      await screenshot('credit-10-public-200pct')
    })
  })
})
