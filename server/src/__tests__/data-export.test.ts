import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { DataExport } from '../../../src/contract/data-export'
import { runDataExports } from '../jobs/data-export'
import { enforceRetention } from '../jobs/retention'
import { fetchSigned, makeJpeg, storedFiles, uploadPhoto } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { unzip } from './support/unzip'
import { createCast, fileOdrComplaint, readComplaint, type Cast } from './support/workflow'

const DAY = 86400_000
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const silent = { info: () => undefined, error: () => undefined }

describe(`导出我的数据 (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  const uploaded: Record<string, string[]> = { closed: [], open: [] }
  const numbers: Record<string, string> = {}

  const requestExport = (token: string) => t.app.inject({ method: 'POST', url: '/api/me/data-exports', headers: bearer(token) })
  const latest = async (token: string) => {
    const response = await t.app.inject({ url: '/api/me/data-exports/latest', headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return (response.json() as { current: DataExport | null }).current
  }
  async function photos(count: number, seed: number) {
    const ids: string[] = []
    const hashes: string[] = []
    for (let i = 0; i < count; i++) {
      // Different sizes make different bytes; `original` keeps them untouched, like the app's full-size upload.
      const bytes = await makeJpeg(200 + seed * 10 + i, 150)
      const response = await uploadPhoto(t, cast.consumer.token, bytes, { original: true })
      assert.equal(response.statusCode, 201, response.body)
      ids.push(response.json().id)
      hashes.push(sha256(bytes))
    }
    return { ids, hashes }
  }

  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '83')
    const closedPhotos = await photos(2, 1)
    const closed = await fileOdrComplaint(t, cast, { evidenceIds: closedPhotos.ids })
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/complaints/${closed.id}/withdraw`, headers: bearer(cast.consumer.token), payload: { reason: '已和商家谈妥' } })
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    const openPhotos = await photos(1, 2)
    const open = await fileOdrComplaint(t, cast, { evidenceIds: openPhotos.ids })
    const message = await t.app.inject({ method: 'POST', url: `/api/complaints/${open.id}/messages`, headers: bearer(cast.consumer.token), payload: { text: '店员说下周再退款' } })
    assert.equal(message.statusCode, 200, message.body)
    uploaded.closed = closedPhotos.hashes
    uploaded.open = openPhotos.hashes
    numbers.closed = closed.number
    numbers.open = open.number
    assert.equal((await readComplaint(t, cast.staff.token, open.id)).statusCode, 200)
  })
  after(() => t.close())

  test('asking twice at once makes one export; it waits until the job packs it', async () => {
    const answers = await Promise.all([requestExport(cast.consumer.token), requestExport(cast.consumer.token), requestExport(cast.consumer.token)])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 202], answers.map((a) => a.body).join('\n'))
    assert.equal(new Set(answers.map((a) => a.json().id)).size, 1)
    const waiting = await latest(cast.consumer.token)
    assert.equal(waiting?.status, 'pending')
    assert.equal(waiting?.downloadUrl, null)
    assert.equal(await latest(cast.colleague.token), null, 'nobody else sees it')
  })

  test('two workers at once build it once; the zip holds both complaints, their timelines and the photos byte for byte', async () => {
    const built = await Promise.all([runDataExports(t.ctx, silent), runDataExports(t.ctx, silent)])
    assert.equal(built[0] + built[1], 1)
    assert.equal(await runDataExports(t.ctx, silent), 0, 'nothing left: a second run does nothing')

    const ready = await latest(cast.consumer.token)
    assert.equal(ready?.status, 'ready')
    assert.equal(ready?.photoCount, 3)
    assert.ok(ready?.downloadUrl)
    assert.equal(Date.parse(ready.expiresAt!) - Date.parse(ready.readyAt!), 7 * DAY)
    const download = await fetchSigned(t, ready.downloadUrl)
    assert.equal(download.status, 200)
    assert.equal(download.contentType, 'application/zip')
    assert.equal(download.body.length, ready.bytes)

    const files = await unzip(download.body)
    for (const name of ['README.txt', 'account.json', 'settings.json', 'notifications.json']) assert.ok(files.has(name), name)
    const account = JSON.parse(files.get('account.json')!.toString('utf8'))
    assert.equal(account.id, cast.consumer.id)
    const notifications = JSON.parse(files.get('notifications.json')!.toString('utf8')) as unknown[]
    assert.ok(Array.isArray(notifications))

    for (const which of ['closed', 'open'] as const) {
      const folder = `complaints/${numbers[which]}`
      const complaint = JSON.parse(files.get(`${folder}/complaint.json`)!.toString('utf8'))
      assert.equal(complaint.number, numbers[which])
      const types = complaint.timeline.map((event: { type: string }) => event.type)
      assert.equal(types[0], 'submitted')
      if (which === 'closed') assert.ok(types.includes('withdrawn'), types.join())
      else assert.ok(complaint.messages.some((m: { note: string }) => m.note === '店员说下周再退款'))
      const inZip = complaint.photos.map((photo: { file: string; sha256: string }) => {
        const bytes = files.get(`${folder}/${photo.file}`)
        assert.ok(bytes, photo.file)
        assert.equal(sha256(bytes), photo.sha256)
        return sha256(bytes)
      })
      assert.deepEqual(inZip.sort(), [...uploaded[which]!].sort())
    }

    const log = await t.app.inject({ url: `/api/staff/access-log?actorId=${cast.consumer.id}`, headers: bearer(cast.staff.token) })
    assert.deepEqual(log.json().items.map((item: { what: string }) => item.what), ['export'], 'the export is in the access log, once')
  })

  test("another person's export does not exist for them; a forged link is refused", async () => {
    const mine = (await latest(cast.consumer.token))!
    const theirs = await t.app.inject({ url: `/api/me/data-exports/${mine.id}`, headers: bearer(cast.colleague.token) })
    assert.equal(theirs.statusCode, 404)
    assert.equal(theirs.json().code, 'NOT_FOUND')
    assert.equal((await t.app.inject({ url: `/api/me/data-exports/${mine.id}`, headers: bearer(cast.consumer.token) })).statusCode, 200)
    assert.equal((await t.app.inject({ url: `/api/me/data-exports/${mine.id}` })).statusCode, 401)
    const forged = mine.downloadUrl!.replace(/signature=[^&]+/, 'signature=AAAA')
    assert.equal((await fetchSigned(t, forged)).status, 403)
  })

  test('after 7 days the link dies, the page says expired and the retention job deletes the file', async () => {
    t.advance(7 * DAY - 10 * 60_000)
    // A week later the consumer signs in again (createCast's phone numbers: 139 + prefix + n).
    const token = (await loginByPhone(t, '13983000001')).accessToken
    const lastDay = (await latest(token))!
    assert.equal(lastDay.status, 'ready')
    assert.ok(lastDay.downloadUrl, 'still offered ten minutes before the end')
    assert.equal((await enforceRetention(t.ctx)).data_exports, 0)

    t.advance(11 * 60_000)
    const dead = await fetchSigned(t, lastDay.downloadUrl)
    assert.equal(dead.status, 403, 'a link never outlives the export')
    const expired = (await latest(token))!
    assert.equal(expired.status, 'expired')
    assert.equal(expired.downloadUrl, null)

    const zips = () => storedFiles(t).filter((file) => file.startsWith('exports/'))
    assert.equal(zips().length, 1)
    assert.equal((await enforceRetention(t.ctx)).data_exports, 1)
    assert.deepEqual(zips(), [])
    assert.equal((await enforceRetention(t.ctx)).data_exports, 0, 'idempotent')

    // A new export may be asked for at once.
    assert.equal((await requestExport(token)).statusCode, 202)
  })
})
