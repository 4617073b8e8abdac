/**
 * 导出我的数据 and the staff 查看记录, on the H5 app against the real server (which runs the export job
 * itself): a consumer with photos on a closed and an open complaint asks for an export, watches it
 * being packed, downloads the zip, and the zip holds both timelines and the photos byte for byte;
 * the page is checked again at 200 % text. Then a staff member opens 查看记录 at desk size and sees
 * the export and their own reads.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/data-export.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { unzip } from '../server/src/__tests__/support/unzip'
import { onPhone } from './support/browser'
import { layoutProblems } from './support/layout'
import type { ApiSession, TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, screen, signInAs } from './support/taro'
import { CONSUMER, ME, STAFF, STAFF_WORKSPACE } from './support/routes'

const EXPORT_PAGE = '/packages/settings/pages/export/index'
const ACCESS_LOG = '/packages/staff/pages/access-log/index'
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function photo(hue: number): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: hue, g: 120, b: 255 - hue } } })
    .composite([{ input: Buffer.from(`<svg width="640" height="480"><text x="40" y="240" font-size="80" fill="white">证据 ${hue}</text></svg>`) }])
    .jpeg({ quality: 90 })
    .toBuffer()
}

async function call(server: TestServer, session: ApiSession, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${session.accessToken}`,
      ...(body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

/** Uploads the untouched original (as the app's 原图 upload does) and returns its id. */
async function upload(server: TestServer, session: ApiSession, bytes: Buffer): Promise<string> {
  const form = new FormData()
  form.append('original', '1')
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg')
  const response = await fetch(`${server.baseUrl}/api/evidence`, { method: 'POST', headers: { authorization: `Bearer ${session.accessToken}` }, body: form })
  const text = await response.text()
  assert.equal(response.status, 201, text)
  return (JSON.parse(text) as { id: string }).id
}

function complaint(evidenceIds: string[], business: string) {
  return {
    business: { name: business },
    industry: 'food',
    incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
    amountFen: 12850,
    description: '买到的牛奶已经过期三天了，商家拒绝退款，态度也很差。',
    demands: ['refund'],
    evidenceIds,
    contactPhone: CONSUMER,
    consentToShare: true,
  }
}


describe('导出我的数据和查看记录（H5）', () => {
  const server = useServerAndBrowser()

  test('消费者导出数据、下载并核对照片；工作人员在查看记录里看到导出和自己的查看', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const staff = await server.signIn(STAFF)
    const photos = { closed: [await photo(10), await photo(60)], open: [await photo(200)] }
    const closed = await call(server, consumer, 'POST', '/complaints', complaint(await Promise.all(photos.closed.map((p) => upload(server, consumer, p))), '老街小吃店'))
    await call(server, consumer, 'POST', `/complaints/${String(closed.id)}/withdraw`, { reason: '已经和商家谈好了' })
    const open = await call(server, consumer, 'POST', '/complaints', complaint(await Promise.all(photos.open.map((p) => upload(server, consumer, p))), '新华路水果店'))
    // The staff member reads the open case (with the phone) and one original photo.
    const detail = await call(server, staff, 'GET', `/complaints/${String(open.id)}`)
    const evidence = detail.evidence as Array<{ id: string }>
    await call(server, staff, 'GET', `/evidence/${evidence[0]!.id}/original`)

    await onPhone({ t, name: 'data-export', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(ME)
      await screen(page, ME).getByText('导出我的数据').click()
      await page.waitForURL(`**${EXPORT_PAGE}**`)
      const view = screen(page, EXPORT_PAGE)
      await view.getByText('还没有导出过', { exact: false }).waitFor()
      await screenshot('x01-export-empty')

      await button(view, '申请导出').tap()
      // The server's own worker packs it; the page asks every few seconds until it is ready.
      await view.getByText('可以下载', { exact: true }).waitFor({ timeout: 60_000 })
      await view.getByText(/大小 .+，含 3 张照片/).waitFor()
      await screenshot('x02-export-ready')

      const [download] = await Promise.all([page.waitForEvent('download'), button(view, '下载压缩包').tap()])
      assert.equal(download.suggestedFilename(), 'weiquan-my-data.zip')
      const files = await unzip(readFileSync((await download.path())!))
      for (const [which, created] of [['closed', closed], ['open', open]] as const) {
        const folder = `complaints/${String(created.number)}`
        const record = JSON.parse(files.get(`${folder}/complaint.json`)!.toString('utf8')) as {
          timeline: Array<{ type: string }>
          photos: Array<{ file: string }>
        }
        assert.equal(record.timeline[0]?.type, 'submitted')
        if (which === 'closed') assert.ok(record.timeline.some((event) => event.type === 'withdrawn'))
        const inZip = record.photos.map((p) => sha256(files.get(`${folder}/${p.file}`)!)).sort()
        assert.deepEqual(inZip, photos[which].map(sha256).sort(), `${which}: the photos are the uploaded bytes`)
      }
    })

    // The same page with the browser's text at 200 %: nothing cut, nothing too small to tap.
    await onPhone({ t, name: 'data-export-large', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(EXPORT_PAGE)
      await screen(page, EXPORT_PAGE).getByText('可以下载', { exact: true }).waitFor()
      const problems = await layoutProblems(page, { tapTargets: 'taro-button-core', mainActions: '.btn-primary' })
      assert.deepEqual(problems, [])
      await screenshot('x03-export-ready-200pct')
    })

    await onPhone({ t, name: 'access-log-desk', baseUrl: server.baseUrl, desk: true }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(STAFF_WORKSPACE)
      // At a desk the workspace is the workbench: its sections are links above the queue.
      await screen(page, STAFF_WORKSPACE).getByRole('navigation', { name: '其他工作' }).getByRole('button', { name: '查看记录' }).click()
      await page.waitForURL(`**${ACCESS_LOG}**`)
      const view = screen(page, ACCESS_LOG)
      const rows = view.locator('.access-log__row:not(.access-log__row--head)')
      await rows.first().waitFor()
      const exportRow = rows.filter({ hasText: '导出' })
      await exportRow.getByText('王阿姨').waitFor()
      await exportRow.getByText('消费者本人').waitFor()
      await rows.filter({ hasText: '手机号' }).filter({ hasText: String(open.number) }).getByText('陈主任').waitFor()
      await rows.filter({ hasText: '原图' }).getByText('陈主任').waitFor()
      await screenshot('x04-access-log-desk')

      // Only one reader: the staff member's own reads, not the consumer's export.
      await view.locator('.access-log__who').filter({ hasText: '陈主任' }).first().click()
      await view.getByText('清除筛选').waitFor()
      await rows.filter({ hasText: '导出' }).waitFor({ state: 'detached' })
      assert.equal(await rows.filter({ hasText: '陈主任' }).count(), await rows.count())
      assert.ok((await rows.count()) >= 2)
    })
  })
})
