/**
 * 核对原图 on H5 (issue #13): a staff member picks a photo from the gallery and the page says
 * whether it is the file the consumer picked (recorded as its original SHA-256 beside the hash of
 * the compressed copy that was uploaded). The photo is hashed on the device; nothing is uploaded.
 * Run: npx taro build --type h5 && node --import tsx --test e2e/original-check.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, screen, signInAs, toastGone } from './support/taro'
import { CONSUMER, STAFF, STAFF_COMPLAINT } from './support/routes'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const photo = (width: number, colour: string) =>
  sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: colour } }).jpeg({ quality: 90 }).toBuffer()

describe('核对原图（H5，工作人员）', () => {
  const server = useServerAndBrowser()

  test('相册里的原图显示“一致”；另一张照片显示“不一致”；核对时不上传任何东西', async (t) => {
    const [consumer, staff] = await Promise.all([server.signIn(CONSUMER), server.signIn(STAFF)])
    // What the consumer picked, and the smaller copy the phone made of it and uploaded.
    const original = await photo(2400, '#2a7')
    const compressed = await photo(1600, '#2a7')
    const form = new FormData()
    form.append('provenance', JSON.stringify({ originalSha256: sha256(original), capturedAt: '2026-11-20T02:30:00.000Z' }))
    form.append('file', new Blob([compressed], { type: 'image/jpeg' }), 'receipt.jpg')
    const upload = await fetch(`${server.baseUrl}/api/evidence`, { method: 'POST', headers: { authorization: `Bearer ${consumer.accessToken}` }, body: form })
    const evidence = (await upload.json()) as { id: string; sha256: string; originalSha256: string }
    assert.equal(upload.status, 201, JSON.stringify(evidence))
    assert.equal(evidence.originalSha256, sha256(original))

    const filed = await fetch(`${server.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        business: { name: '老王水果店' },
        industry: 'food',
        incidentDate: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
        amountFen: 12850,
        description: '买的水果一半是烂的，店家不给退，希望退款。',
        demands: ['refund'],
        evidenceIds: [evidence.id],
        contactPhone: CONSUMER,
        consentToShare: true,
      }),
    })
    const complaint = (await filed.json()) as { id: string }
    assert.equal(filed.status, 201, JSON.stringify(complaint))

    await onPhone({ t, name: 'original-check', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(`${STAFF_COMPLAINT}?id=${complaint.id}`)
      const view = screen(page, STAFF_COMPLAINT)
      const check = button(view, '核对原图')
      await check.waitFor()
      await view.getByText('照片 1 · 拍摄于 2026年11月20日 10:30').waitFor()
      // The explanation starts on its own line under the title.
      const card = view.locator('.original-check')
      const title = (await card.locator('.section-title').boundingBox())!
      const intro = (await card.getByText(/^从相册选一张照片/).boundingBox())!
      assert.ok(intro.y >= title.y + title.height - 1, `the explanation (top ${intro.y}) runs into the title (bottom ${title.y + title.height})`)

      const uploads: string[] = []
      // The live-update stream renews its ticket on its own schedule (a POST with no photo in it),
      // so it is not counted; anything else that is not a GET is.
      page.on('request', (request) => {
        if (request.method() === 'GET' || new URL(request.url()).pathname === '/api/notifications/stream-ticket') return
        uploads.push(`${request.method()} ${request.url()}`)
      })
      const pick = async (bytes: Buffer) => {
        const chooser = page.waitForEvent('filechooser')
        await check.tap()
        await (await chooser).setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: bytes })
      }

      await pick(original)
      await view.getByText('一致：与证据照片 1 的原始文件完全相同').waitFor()
      await view.getByText(`所选照片 SHA-256：${sha256(original)}`).waitFor()
      await toastGone(page)
      // The button is ready for the next photo and does not look disabled.
      // (polled: the tap's pressed shade fades out)
      await page.waitForFunction((el) => getComputedStyle(el).backgroundColor === 'rgb(255, 255, 255)', await check.elementHandle(), { timeout: 5000 })
      await screenshot('original-check-same')

      await pick(await photo(2400, '#a72'))
      await view.getByText(/^不一致：这张照片与本投诉的任何证据照片都不相同/).waitFor()
      await screenshot('original-check-different')
      assert.deepEqual(uploads, [], 'nothing is sent while checking')
    })
  })
})

