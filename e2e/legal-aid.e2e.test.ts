/**
 * Legal aid (法律援助, issue #18): a consumer asks for 诉讼支持 on their own case with the consent
 * ticked; the province's staff assign the demo lawyer 黄律师; the lawyer opens the case, sees its
 * photo and writes an opinion; the consumer reads 律师意见 on their case. Phone 390×844 (the lawyer at
 * 200 % text), staff at a 1280×800 desk.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/legal-aid.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import { PROVINCE_STAFF } from './support/network'
import { COMPLAINT_DETAIL, CONSUMER } from './support/routes'
import type { ApiSession, TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, modalConfirm, screen, signInAs, toastGone } from './support/taro'

const AID = '/packages/lawyers/pages/aid/index'
const WORKSPACE = '/packages/lawyers/pages/lawyer/index'
const STAFF_DESK = '/packages/lawyers/pages/staff/index'
const LAWYER = '13800000018'
const BUSINESS = '西湖悦动健身有限公司'
const OPINION = '健身房收取预付款后停业，属于未按约定提供服务。依据消费者权益保护法第五十三条，您可以起诉要求退回剩余预付款并支付利息；请保存会员卡、付款记录和门店停业的照片。'

async function receiptPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 240, g: 230, b: 210 } } })
    .composite([{ input: Buffer.from('<svg width="1200" height="800"><text x="80" y="420" font-size="110" fill="black">收据 ¥6800</text></svg>') }])
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The demo consumer's association-path case in 西湖区 with one photo, filed through the API. */
async function fileCaseWithPhoto(server: TestServer, consumer: ApiSession): Promise<{ id: string; number: string }> {
  const form = new FormData()
  form.append('file', new Blob([await receiptPhoto()], { type: 'image/jpeg' }), 'receipt.jpg')
  const uploaded = await fetch(`${server.baseUrl}/api/evidence`, { method: 'POST', headers: { authorization: `Bearer ${consumer.accessToken}` }, body: form })
  assert.equal(uploaded.status, 201, await uploaded.clone().text())
  const photoId = ((await uploaded.json()) as { id: string }).id
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: BUSINESS, address: '西湖区文三路 90 号', region: '浙江省/杭州市/西湖区' },
      industry: 'prepaid',
      incidentDate: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
      amountFen: 680_000,
      description: '办了 6800 元的年卡，两个月后健身房关门，老板失联，剩余费用无法退还。',
      demands: ['refund'],
      evidenceIds: [photoId],
      contactPhone: CONSUMER,
      consentToShare: true,
    }),
  })
  assert.equal(response.status, 201, await response.clone().text())
  return (await response.json()) as { id: string; number: string }
}

describe('法律援助：申请、指派律师、律师意见（H5）', () => {
  const server = useServerAndBrowser()

  test('a consumer asks for 诉讼支持 with consent; staff assign 黄律师; the lawyer sees the photo and writes an opinion; the consumer reads 律师意见', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const complaint = await fileCaseWithPhoto(server, consumer)

    await onPhone({ t, name: 'aid-request', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, consumer)
      await page.goto(`${COMPLAINT_DETAIL}?id=${complaint.id}`)
      const detail = screen(page, COMPLAINT_DETAIL)
      await button(detail, '申请法律援助').click()
      const aid = screen(page, AID)
      await aid.locator('[role="radio"]').filter({ hasText: '诉讼支持' }).click()
      await aid.locator('textarea').first().fill('健身房老板失联，想起诉要回剩余的钱，请律师帮忙看看证据够不够。')
      // Without the consent the request is not sent.
      await button(aid, '提交申请').click()
      await aid.getByText('请先勾选同意', { exact: false }).waitFor()
      await aid.locator('[role="checkbox"]').click()
      assert.equal(await aid.locator('[role="checkbox"]').getAttribute('aria-checked'), 'true')
      await screenshot('aid-01-request-form', { fullPage: true })
      await button(aid, '提交申请').click()
      await modalConfirm(page, '提交').click()
      const card = aid.locator('.aid-card').filter({ hasText: '诉讼支持' })
      await card.getByText('等待指派律师').waitFor()
      await toastGone(page)
      await screenshot('aid-02-requested')
    })

    const staff = await server.signIn(PROVINCE_STAFF)
    await onPhone({ t, name: 'aid-assign', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(`${STAFF_DESK}?tab=aid`)
      const desk = screen(page, STAFF_DESK)
      const request = desk.locator('.aid-card').filter({ hasText: complaint.number })
      await request.getByText('诉讼支持').waitFor()
      await request.locator('[role="radio"]').filter({ hasText: '黄律师' }).click()
      await screenshot('aid-03-staff-desk')
      await button(request, '指派给黄律师').click()
      await modalConfirm(page, '指派').click()
      await desk.locator('.aid-card').filter({ hasText: complaint.number }).getByText('律师处理中').waitFor()
      await toastGone(page)
      await screenshot('aid-04-staff-assigned')
    })

    const lawyer = await server.signIn(LAWYER)
    await onPhone({ t, name: 'aid-opinion', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, lawyer)
      await page.goto(WORKSPACE)
      const workspace = screen(page, WORKSPACE)
      const assigned = workspace.locator('.aid-card').filter({ hasText: complaint.number })
      await button(assigned, '查看案件材料').click()
      await workspace.getByText(BUSINESS, { exact: false }).first().waitFor()
      const photo = workspace.locator('.aid-photo').first()
      await photo.waitFor({ timeout: 30_000 })
      // The photo really loads (a signed link the lawyer may open), not just a grey box.
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('.aid-photo img')
        return img !== null && img.complete && img.naturalWidth > 0
      })
      await photo.scrollIntoViewIfNeeded()
      await screenshot('aid-05-lawyer-case-200pct')
      await workspace.locator('textarea').first().fill(OPINION)
      await screenshot('aid-06-opinion-form-200pct', { fullPage: true })
      await button(workspace, '提交法律意见').click()
      await modalConfirm(page, '提交').click()
      await workspace.locator('.aid-timeline__item').filter({ hasText: '律师意见' }).waitFor()
      await toastGone(page)
    })

    await onPhone({ t, name: 'aid-read', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, consumer)
      await page.goto(`${COMPLAINT_DETAIL}?id=${complaint.id}`)
      const detail = screen(page, COMPLAINT_DETAIL)
      const opinion = detail.getByText('律师 · 律师意见')
      await opinion.waitFor()
      await detail.getByText('第五十三条', { exact: false }).first().scrollIntoViewIfNeeded()
      await screenshot('aid-07-consumer-reads-opinion')
    })
  })
})
