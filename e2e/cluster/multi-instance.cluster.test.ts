/**
 * Issue #14 finding 7: the app as it runs on several boxes. Two API instances (serving dist/h5) and
 * one notification worker share a PostgreSQL schema and the Ceph S3 bucket, behind Debian's nginx
 * (round robin). Through the balancer, in Chromium: 王阿姨 files a complaint with a photo; the
 * enterprise liaison, on another phone, sees the photo and proposes; 王阿姨's open 消息 page shows it
 * without a reload on two phones whose live streams are held by different instances; the photo
 * displays from what either instance answers. Before all that, an earlier deploy left a complaint
 * past its deadline; both instances start at once and each runs the deadline job on start: it
 * escalates once, the consumer's inbox shows it once and the worker sends her one SMS about it.
 *
 * Needs Ceph (S3_* variables), nginx, PostgreSQL and the H5 build, so it is not in the e2e step:
 *   npx taro build --type h5 && scripts/s3/with-ceph.sh node --import tsx --test e2e/cluster/multi-instance.cluster.test.ts
 * (npm test runs it in its Ceph step.)
 */
import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import pg from 'pg'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { closeBrowser, onPhone } from '../support/browser'
import { freePort, startServer, type ApiSession, type TestServer } from '../support/server'
import { button, input, screen, toastGone } from '../support/taro'
import { startLoadBalancer, type LoadBalancer } from './nginx'
import { startWorker, type WorkerProcess } from './worker'
import { COMPLAINT_DETAIL as DETAIL, CONSUMER, ENTERPRISE_COMPLAINT as HANDLE, ENTERPRISE_NAME, FILING_STEPS as STEP, HOME, LIAISON, MESSAGES } from '../support/routes'

const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
/** What the worker prints for a notification SMS to the consumer (console SMS adapter). */
const smsTo = (title: string) => new RegExp(`【短信】发送给 ${CONSUMER}：【维权通】${title}`, 'g')

interface Detail {
  id: string
  status: string
  evidence: Array<{ displayUrl: string; thumbnailUrl: string }>
}

/** What zustand persist would have written after a login in this browser. */
async function signInBrowser(page: Page, session: ApiSession) {
  await page.goto('/')
  await page.evaluate((state) => {
    localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, session)
}

/** Which instance (host:port, from nginx's X-Upstream) answered each API call a page made. */
function recordUpstreams(page: Page) {
  const served: Array<{ method: string; path: string; upstream: string }> = []
  page.on('response', (response) => {
    const url = new URL(response.url())
    const upstream = response.headers()['x-upstream']
    if (url.pathname.startsWith('/api/') && upstream) served.push({ method: response.request().method(), path: url.pathname, upstream })
  })
  const last = (method: string, pattern: RegExp) => served.filter((s) => s.method === method && pattern.test(s.path)).at(-1)?.upstream
  return { served, last }
}

const STREAM = /\/api\/notifications\/stream$/

/** Opens 消息 (or reloads it) and returns the instance that holds the page's live stream. */
async function openMessages(page: Page, reload: boolean): Promise<string> {
  const stream = page.waitForResponse((r) => STREAM.test(new URL(r.url()).pathname))
  await (reload ? page.reload() : page.goto(MESSAGES))
  await screen(page, MESSAGES).locator('.inbox, .page-state').first().waitFor()
  const upstream = (await stream).headers()['x-upstream']
  assert.ok(upstream, 'nginx names the instance that answered')
  return upstream
}

const badge = (page: Page) => page.locator('.weui-tabbar__item').filter({ hasText: '消息' }).locator('.taro-tabbar-badge')

/** Loads each URL as an <img> in the page; resolves to their natural widths (0 when one did not load). */
function imageWidths(page: Page, urls: string[]): Promise<number[]> {
  return page.evaluate(
    (sources) =>
      Promise.all(
        sources.map(
          (src) =>
            new Promise<number>((resolve) => {
              const image = new Image()
              image.onload = () => resolve(image.naturalWidth)
              image.onerror = () => resolve(0)
              image.src = src
            }),
        ),
      ),
    urls,
  )
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe('两个实例 + 通知进程，PostgreSQL + Ceph S3，nginx 轮询（H5，iPhone 13）', () => {
  const schema = `t_multi_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  const env: Record<string, string> = {
    DATABASE_URL: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    // Tokens made by one instance are checked by the other.
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    S3_BUCKET: `weiquan-multi-${randomBytes(4).toString('hex')}`,
    NOTIFY_EMBEDDED_WORKER: 'false',
    NOTIFY_SMS: 'true',
    SEED_DEMO: 'false',
  }
  let instances: TestServer[] = []
  let worker: WorkerProcess | undefined
  let balancer: LoadBalancer | undefined
  let photosDir = ''
  let consumer: ApiSession
  let liaison: ApiSession
  let lateId = ''

  before(async () => {
    for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      assert.ok(process.env[name], `${name} is not set: run this test inside scripts/s3/with-ceph.sh`)
    }
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    // An earlier deploy: brings the schema up to date, seeds the demo accounts and takes a complaint
    // whose deadline then passes while no instance runs.
    // The worker starts beside it (it only delivers; a worker runs across deploys).
    const [earlier, started] = await Promise.all([startServer({ env: { ...env, SEED_DEMO: 'true' } }), startWorker(env)])
    worker = started
    try {
      consumer = await earlier.signIn(CONSUMER)
      liaison = await earlier.signIn(LIAISON)
      // 王阿姨 wants an SMS for proposals and status changes: the worker's deliveries become visible.
      const preferences = await earlier.api('PUT', '/notifications/preferences', {
        token: consumer.accessToken,
        body: { items: ['proposal_received', 'complaint_status'].map((type) => ({ type, channel: 'sms', enabled: true })) },
      })
      assert.equal(preferences.status, 200, JSON.stringify(preferences.body))
      lateId = await fileThroughApi(earlier, consumer, liaison.user.enterprise!)
    } finally {
      await earlier.stop()
    }
    await admin.query(`update ${schema}.complaints set due_at = $1 where id = $2`, [new Date(Date.now() - 60_000).toISOString(), lateId])

    // The deploy under test: both instances at once, each checking deadlines as it starts.
    instances = await Promise.all([startServer({ env }), startServer({ env })])
    balancer = await startLoadBalancer(await freePort(), instances.map((i) => i.port))
    photosDir = mkdtempSync(path.join(tmpdir(), 'weiquan-multi-'))
  })

  after(async () => {
    await closeBrowser()
    await balancer?.stop()
    await Promise.all([...instances.map((i) => i.stop()), worker?.stop()])
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined)
    await admin.end()
    if (photosDir) rmSync(photosDir, { recursive: true, force: true })
  })

  const lb = () => balancer!.baseUrl
  const [a, b] = [() => instances[0]!, () => instances[1]!]
  const origin = (server: TestServer) => `127.0.0.1:${server.port}`
  const escalationSms = smsTo('投诉进度：等待消协受理')

  test('两个实例同时启动：超期的投诉只转消协一次，只发一条短信', async () => {
    const status = async () => ((await a().api('GET', `/complaints/${lateId}`, { token: consumer.accessToken })).body as Detail).status
    await poll('the late complaint', status, (s) => s === 'awaiting_review')
    await poll('the worker’s SMS about the escalation', async () => worker!.output().match(escalationSms)?.length ?? 0, (n) => n > 0)
    const count = async (sql: string) => Number((await admin.query<{ n: string }>(sql, [lateId])).rows[0]!.n)
    assert.equal(await count(`select count(*) as n from ${schema}.complaint_events where complaint_id = $1 and type = 'escalate'`), 1)
    assert.equal(await count(`select count(*) as n from ${schema}.notifications where complaint_id = $1 and type = 'complaint_status'`), 1)
    assert.equal(worker!.output().match(escalationSms)?.length, 1, 'one SMS about the escalation')
  })

  test('一个实例收件、另一个实例提方案，消息实时出现；照片两边都能看', async (t) => {
    const photo = path.join(photosDir, 'milk.jpg')
    writeFileSync(
      photo,
      await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 60, b: 40 } } })
        .composite([{ input: Buffer.from('<svg width="1600" height="1200"><text x="150" y="650" font-size="260" fill="white">过期牛奶</text></svg>') }])
        .jpeg({ quality: 90 })
        .toBuffer(),
    )

    await onPhone({ t, name: 'multi-consumer', baseUrl: lb() }, async (phone) => {
      const { page } = phone
      const consumerCalls = recordUpstreams(page)
      await signInBrowser(page, consumer)
      const filedId = await fileWithPhoto(page, photo)
      t.diagnostic(`photo uploaded through ${consumerCalls.last('POST', /^\/api\/evidence/)}, complaint filed through ${consumerCalls.last('POST', /^\/api\/complaints$/)}`)

      // 王阿姨 keeps 消息 open on two phones; the second is reloaded until its stream is on the other instance.
      const firstStream = await openMessages(page, false)
      // The escalation is there once, unread.
      const inbox = screen(page, MESSAGES)
      await inbox.locator('.inbox-item--unread').filter({ hasText: '等待消协受理' }).waitFor()
      assert.equal(await inbox.locator('.inbox-item').filter({ hasText: '等待消协受理' }).count(), 1)
      await badge(page).filter({ hasText: /^1$/ }).waitFor()
      await onPhone({ t, name: 'multi-consumer-2', baseUrl: lb() }, async (second) => {
        await signInBrowser(second.page, consumer)
        let secondStream = await openMessages(second.page, false)
        let reloads = 0
        for (; secondStream === firstStream && reloads < 8; reloads++) {
          // A reload may make the same number of requests each time: every other time one more shifts the turn.
          if (reloads % 2 === 1) await fetch(`${lb()}/api/health`)
          secondStream = await openMessages(second.page, true)
        }
        assert.notEqual(secondStream, firstStream, `round robin put the two streams on different instances (${reloads} reloads)`)
        for (const p of [page, second.page]) await p.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))

        // The liaison, on a third phone, sees the photo and proposes.
        let proposedBy: string | undefined
        await onPhone({ t, name: 'multi-liaison', baseUrl: lb() }, async ({ page: desk, screenshot }) => {
          const liaisonCalls = recordUpstreams(desk)
          await signInBrowser(desk, liaison)
          await desk.goto(`${HANDLE}?id=${filedId}`)
          const handle = screen(desk, HANDLE)
          await handle.getByText(CONSUMER).waitFor()
          await desk.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.thumbs__item img')].some((img) => img.complete && img.naturalWidth > 0))
          await button(handle, '提出解决方案').tap()
          await handle.locator('textarea').first().fill('全额退款 128.5 元，并当面道歉')
          await handle.locator('taro-input-core input').first().fill('128.5')
          await handle.locator('.picker-value').tap()
          await desk.locator('.weui-picker__action').filter({ hasText: '确定' }).tap()
          await button(handle, '提交方案').tap()
          await handle.getByText('企业提出的方案').waitFor()
          proposedBy = liaisonCalls.last('POST', /\/actions\/propose$/)
          await toastGone(desk)
          await screenshot('m02-liaison-proposed')
        })
        assert.ok(proposedBy, 'the proposal went through the balancer')
        t.diagnostic(`proposal made through ${proposedBy}; 王阿姨's streams on ${firstStream} and ${secondStream} (${reloads} reloads)`)

        // Whichever instance took the proposal, one of the two streams is held by the other: both update.
        for (const p of [page, second.page]) {
          await badge(p).filter({ hasText: /^2$/ }).waitFor({ timeout: 10_000 })
          await screen(p, MESSAGES).locator('.inbox-item--unread').filter({ hasText: '商家' }).first().waitFor()
          assert.equal(await p.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'no reload')
        }
        await second.screenshot('m03-consumer-live-proposal')
      })

      // The photo: on her complaint's page, and from the answers of each instance (both sign S3 URLs).
      await page.goto(`${DETAIL}?id=${filedId}`)
      await screen(page, DETAIL).locator('.proposal').getByText('全额退款 128.5 元，并当面道歉').waitFor()
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.thumbs__item img')].some((img) => img.complete && img.naturalWidth > 0))
      for (const server of [a(), b()]) {
        const { status, body } = await server.api('GET', `/complaints/${filedId}`, { token: consumer.accessToken })
        assert.equal(status, 200, JSON.stringify(body))
        const evidence = (body as Detail).evidence
        assert.equal(evidence.length, 1)
        const widths = await imageWidths(page, [evidence[0]!.thumbnailUrl, evidence[0]!.displayUrl])
        assert.ok(widths.every((w) => w > 0), `photo through ${origin(server)}: widths ${widths.join(', ')}`)
      }
      await toastGone(page)
      await screen(page, DETAIL).locator('.thumbs__item').first().scrollIntoViewIfNeeded()
      await phone.screenshot('m04-consumer-detail-photo')

      const upstreams = new Set(consumerCalls.served.map((s) => s.upstream))
      assert.deepEqual([...upstreams].sort(), [origin(a()), origin(b())].sort(), 'the consumer’s calls were spread over both instances')
    })
    await poll('the worker’s SMS about the proposal', async () => worker!.output().match(smsTo('商家提出了处理方案'))?.length ?? 0, (n) => n > 0)
    assert.equal(worker!.output().match(smsTo('商家提出了处理方案'))?.length, 1, 'one proposal SMS')
    assert.equal(worker!.output().match(escalationSms)?.length, 1, 'still one SMS about the escalation')
    for (const server of instances) assert.doesNotMatch(server.output(), /【维权通】/, 'the API instances send nothing themselves')
  })
})

async function fileThroughApi(server: TestServer, consumer: ApiSession, enterprise: { id: string; name: string }): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: enterprise.name, enterpriseId: enterprise.id },
      industry: 'food',
      incidentDate: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
      amountFen: 5000,
      description: '买的面包第二天就发霉了，店里说不能退，希望退款。',
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: CONSUMER,
      consentToShare: true,
      path: 'odr',
    }),
  })
  const body = (await response.json()) as { id: string; status: string }
  assert.equal(response.status, 201, JSON.stringify(body))
  assert.equal(body.status, 'enterprise_handling')
  return body.id
}

/** The five filing steps to the demo ODR enterprise, with one photo. Returns the new complaint's id. */
async function fileWithPhoto(page: Page, photo: string): Promise<string> {
  await page.goto('/')
  await screen(page, HOME).locator('.home__action').filter({ hasText: '我要投诉' }).tap()
  await page.waitForURL(`**${STEP.business}?**`)
  const one = screen(page, STEP.business)
  await input(one, '商家名称').fill('示例优选')
  await one.locator('.suggestion').filter({ hasText: ENTERPRISE_NAME }).locator('.suggestion__main').tap()
  await one.locator('.path-option').filter({ hasText: '企业绿色通道' }).tap()
  await next(page, STEP.business, STEP.facts)

  const two = screen(page, STEP.facts)
  await two.locator('.chip').filter({ hasText: /^\s*✓?\s*昨天\s*$/ }).tap()
  await input(two, '涉及金额').fill('128.5')
  await two.locator('taro-textarea-core textarea').fill('11月20日在超市买的纯牛奶已经过期三天了，店员拒绝退款，态度很差。')
  await two.locator('.chip').filter({ hasText: /^\s*✓?\s*退款\s*$/ }).tap()
  await next(page, STEP.facts, STEP.photos)

  const three = screen(page, STEP.photos)
  const chooser = page.waitForEvent('filechooser')
  await button(three, '从相册选').tap()
  await (await chooser).setFiles([photo])
  await three.locator('.photo__status--ok').first().waitFor({ timeout: 30_000 })
  await next(page, STEP.photos, STEP.contact)

  await screen(page, STEP.contact).locator('.check-row').tap()
  await next(page, STEP.contact, STEP.review)
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/complaints')
  await button(screen(page, STEP.review), '提交投诉').tap()
  const response = await created
  assert.equal(response.status(), 201)
  await page.waitForURL(`**${STEP.result}?**`)
  return ((await response.json()) as { id: string }).id
}

async function next(page: Page, from: string, to: string) {
  await button(screen(page, from), '下一步').tap()
  await page.waitForURL(`**${to}?**`)
  await screen(page, to).locator('.filing-title').waitFor()
}
