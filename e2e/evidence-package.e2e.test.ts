/**
 * 导出证据包 (issue #17): on the staff case view (phone, and the workbench at a desk) a staff member
 * exports the case's evidence package; the zip downloads, and `npm run verify-package` passes on the
 * downloaded file. The phone page is also shot at 200 % text.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/evidence-package.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { onPhone, type Phone } from './support/browser'
import type { TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, screen, signInAs } from './support/taro'
import { CONSUMER, STAFF, STAFF_COMPLAINT, STAFF_WORKSPACE } from './support/routes'

/** A complaint with two photos, filed with the association. */
async function fileCase(server: TestServer, token: string, business: string): Promise<{ id: string; number: string }> {
  const evidenceIds: string[] = []
  for (const colour of ['#2a7', '#a72']) {
    const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } }).jpeg({ quality: 85 }).toBuffer()
    const form = new FormData()
    form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'receipt.jpg')
    const upload = await fetch(`${server.baseUrl}/api/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
    assert.equal(upload.status, 201)
    evidenceIds.push(((await upload.json()) as { id: string }).id)
  }
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: business },
      industry: 'prepaid',
      incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      amountFen: 268_000,
      description: '办的美容卡还剩 2680 元，店铺突然关门，老板电话打不通。',
      demands: ['refund'],
      evidenceIds,
      contactPhone: CONSUMER,
      consentToShare: true,
      path: 'association',
    }),
  })
  const body = (await response.json()) as { id: string; number: string }
  assert.equal(response.status, 201, JSON.stringify(body))
  return body
}

/** Taps 导出证据包 and checks the download with the project's verifier, as a court clerk would. */
async function exportAndVerify({ page }: Phone, view: ReturnType<typeof screen>, number: string) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button(view, '导出证据包').tap()])
  assert.equal(download.suggestedFilename(), `${number}-evidence.zip`)
  await view.getByText(`已导出 ${number}-evidence.zip`).waitFor()
  const file = (await download.path())!
  const verified = spawnSync('npm', ['run', '--silent', 'verify-package', '--', file], { encoding: 'utf8' })
  assert.equal(verified.status, 0, `${verified.stdout}\n${verified.stderr}`)
  assert.match(verified.stdout, new RegExp(`^✓ 证据包完好：投诉 ${number}，\\d+ 个文件与清单一致`))
}

describe('导出证据包（H5，工作人员）', () => {
  const server = useServerAndBrowser()
  // Signed in once for both stories: a second code for the same phone within a minute is refused.
  let people: Promise<[Awaited<ReturnType<TestServer['signIn']>>, Awaited<ReturnType<TestServer['signIn']>>]> | null = null
  const signInBoth = () => (people ??= Promise.all([server.signIn(CONSUMER), server.signIn(STAFF)]))

  test('手机上的投诉页：导出证据包，下载的文件通过 verify-package 核验', async (t) => {
    const [consumer, staff] = await signInBoth()
    const complaint = await fileCase(server, consumer.accessToken, '丽人美容会所')

    await onPhone({ t, name: 'evidence-package-phone', baseUrl: server.baseUrl }, async (phone) => {
      await signInAs(phone.page, staff)
      await phone.page.goto(`${STAFF_COMPLAINT}?id=${complaint.id}`)
      const view = screen(phone.page, STAFF_COMPLAINT)
      await button(view, '导出证据包').scrollIntoViewIfNeeded()
      await phone.screenshot('evidence-package-01-button')
      await exportAndVerify(phone, view, complaint.number)
      await phone.screenshot('evidence-package-02-done')
    })

    await onPhone({ t, name: 'evidence-package-200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(`${STAFF_COMPLAINT}?id=${complaint.id}`)
      const view = screen(page, STAFF_COMPLAINT)
      await button(view, '导出证据包').scrollIntoViewIfNeeded()
      const card = (await view.locator('.evidence-package').boundingBox())!
      assert.ok(card.width <= 390, `the card (${card.width} px) fits the phone at 200 % text`)
      await screenshot('evidence-package-03-text-200')
    })
  })

  test('电脑上的工作台：在右侧投诉中导出证据包', async (t) => {
    const [consumer, staff] = await signInBoth()
    const complaint = await fileCase(server, consumer.accessToken, '好邻居便利店')

    await onPhone({ t, name: 'evidence-package-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async (phone) => {
      await signInAs(phone.page, staff)
      await phone.page.goto(STAFF_WORKSPACE)
      const desk = screen(phone.page, STAFF_WORKSPACE)
      await desk.locator(`.queue-table tbody tr[data-id="${complaint.id}"]`).click()
      const pane = desk.locator('.workbench__pane')
      await button(pane, '导出证据包').scrollIntoViewIfNeeded()
      await exportAndVerify(phone, pane, complaint.number)
      await phone.screenshot('evidence-package-04-desk-1280x800')
    })
  })
})
