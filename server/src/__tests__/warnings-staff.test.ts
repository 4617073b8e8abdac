import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import type { StaffWarningListResponse, StaffWarningSaveResponse, WarningDetail, WarningImage } from '../../../src/contract/warning'
import { createWarningDraft } from '../modules/warnings/warning-drafts'
import { seedDemoData } from '../seed/demo'
import { makeJpeg, multipart, uploadPhoto } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { createDraft, publish, published, WARNING_FIELDS } from './support/warnings'

describe(`only staff write warnings (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  let consumer: string
  let liaison: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.5.0.4')).accessToken
    consumer = (await loginByPhone(t, '13800000001', '10.5.0.1')).accessToken
    liaison = (await loginByPhone(t, '13800000003', '10.5.0.3')).accessToken
  })
  after(() => t.close())

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string | null, payload?: object) =>
    t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) })

  test('anonymous callers get 401 and consumers or liaisons 403 on every staff route; nothing is written', async () => {
    const draft = await createDraft(t, staff)
    const routes: Array<['GET' | 'POST' | 'PATCH', string, object?]> = [
      ['GET', '/api/staff/warnings'],
      ['GET', `/api/staff/warnings/${draft.id}`],
      ['POST', '/api/staff/warnings', WARNING_FIELDS],
      ['PATCH', `/api/staff/warnings/${draft.id}`, { title: '被篡改的标题文字' }],
      ['POST', `/api/staff/warnings/${draft.id}/publish`, {}],
      ['POST', `/api/staff/warnings/${draft.id}/unpublish`],
      ['POST', `/api/staff/warnings/${draft.id}/archive`],
      ['POST', '/api/staff/warnings/preview', { bodyHtml: '<p>x</p>' }],
    ]
    for (const [method, url, payload] of routes) {
      assert.equal((await call(method, url, null, payload)).statusCode, 401, `${method} ${url}`)
      for (const token of [consumer, liaison]) assert.equal((await call(method, url, token, payload)).statusCode, 403, `${method} ${url}`)
    }
    const upload = multipart([{ name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', bytes: await makeJpeg() }])
    const image = await t.app.inject({ method: 'POST', url: '/api/staff/warning-images', payload: upload.payload, headers: { ...bearer(consumer), ...upload.headers } })
    assert.equal(image.statusCode, 403)
    const after = (await call('GET', `/api/staff/warnings/${draft.id}`, staff)).json() as StaffWarningSaveResponse['warning']
    assert.equal(after.title, WARNING_FIELDS.title)
    assert.equal(after.status, 'draft')
  })

  test('bad fields are refused with Chinese messages and nothing is saved', async () => {
    const before = await t.ctx.db.selectFrom('warnings').select('id').execute()
    const cases: Array<[object, string, RegExp]> = [
      [{ title: '短' }, 'WARNING_TITLE_INVALID', /标题/],
      [{ title: '标'.repeat(61) }, 'WARNING_TITLE_INVALID', /4–60/],
      [{ summary: '太短了' }, 'WARNING_SUMMARY_INVALID', /摘要/],
      [{ issuer: ' ' }, 'WARNING_ISSUER_INVALID', /发布机构/],
      [{ bodyHtml: '   ' }, 'WARNING_BODY_EMPTY', /正文/],
      [{ coverImageId: '0f8fad5b-d9cb-469f-a165-70867728950e' }, 'WARNING_COVER_NOT_FOUND', /封面/],
      [{ publishAt: '2099-01-01T00:00:00.000Z' }, 'WARNING_PUBLISH_TIME_INVALID', /发布时间/],
    ]
    for (const [fields, code, message] of cases) {
      const response = await call('POST', '/api/staff/warnings', staff, { ...WARNING_FIELDS, ...fields })
      assert.equal(response.statusCode, 400, JSON.stringify(fields))
      assert.equal(response.json().code, code)
      assert.match(response.json().message, message)
    }
    const unknownKind = await call('POST', '/api/staff/warnings', staff, { ...WARNING_FIELDS, kind: 'rumour' })
    assert.equal(unknownKind.statusCode, 400)
    assert.match(unknownKind.json().message, /[\u4e00-\u9fa5]/)
    assert.equal((await t.ctx.db.selectFrom('warnings').select('id').execute()).length, before.length)
  })

  test('staff create, edit, preview, publish, unpublish and archive; the public sees only the published state', async () => {
    const draft = await createDraft(t, staff, { regions: ['浙江省杭州市', '全国'] })
    assert.equal(draft.status, 'draft')
    assert.deepEqual(draft.regions, ['浙江省杭州市'])
    const edited = await call('PATCH', `/api/staff/warnings/${draft.id}`, staff, { title: '  警惕免费旅游的购物陷阱 ', urgent: false, bodyHtml: '<p>新正文<script>x</script></p>' })
    assert.equal(edited.statusCode, 200, edited.body)
    const saved = edited.json() as StaffWarningSaveResponse
    assert.equal(saved.warning.title, '警惕免费旅游的购物陷阱')
    assert.equal(saved.sanitizedHtml, '<p>新正文</p>')
    assert.equal(saved.warning.summary, WARNING_FIELDS.summary, 'fields not sent stay as they were')

    assert.equal((await t.app.inject({ url: `/api/warnings/${draft.id}` })).statusCode, 404)
    const live = await publish(t, staff, draft.id)
    assert.equal(live.status, 'published')
    const read = (await t.app.inject({ url: `/api/warnings/${draft.id}` })).json() as WarningDetail
    assert.equal(read.title, '警惕免费旅游的购物陷阱')

    const unpublished = await call('POST', `/api/staff/warnings/${draft.id}/unpublish`, staff)
    assert.equal((unpublished.json() as StaffWarningSaveResponse).warning.status, 'draft')
    assert.equal((await t.app.inject({ url: `/api/warnings/${draft.id}` })).statusCode, 404)
    assert.equal((await call('POST', `/api/staff/warnings/${draft.id}/unpublish`, staff)).statusCode, 409)

    const archived = await call('POST', `/api/staff/warnings/${draft.id}/archive`, staff)
    assert.equal((archived.json() as StaffWarningSaveResponse).warning.status, 'archived')
    const again = await call('POST', `/api/staff/warnings/${draft.id}/archive`, staff)
    assert.equal(again.statusCode, 409)
    assert.match(again.json().message, /状态已变化/)

    const listed = (await call('GET', '/api/staff/warnings?status=archived', staff)).json() as StaffWarningListResponse
    assert.ok(listed.items.some((w) => w.id === draft.id))
    assert.ok(listed.items.every((w) => w.status === 'archived'))
    const byTitle = (await call('GET', `/api/staff/warnings?q=${encodeURIComponent('购物陷阱')}`, staff)).json() as StaffWarningListResponse
    assert.deepEqual(byTitle.items.map((w) => w.id), [draft.id])
    assert.equal((await call('GET', '/api/staff/warnings/no-such-id', staff)).statusCode, 404)
  })

  test('a draft planned for later is scheduled when published without a time; a past time is refused', async () => {
    const inTwoHours = new Date(t.ctx.now().getTime() + 2 * 3600_000).toISOString()
    const draft = await createDraft(t, staff, { publishAt: inTwoHours })
    const scheduled = await publish(t, staff, draft.id)
    assert.equal(scheduled.publishedAt, inTwoHours)
    assert.equal((await t.app.inject({ url: `/api/warnings/${draft.id}` })).statusCode, 404)
    const past = await call('POST', `/api/staff/warnings/${draft.id}/publish`, staff, { publishAt: '2020-01-01T00:00:00.000Z' })
    assert.equal(past.statusCode, 400)
    assert.equal(past.json().code, 'WARNING_PUBLISH_TIME_INVALID')
  })

  test('an uploaded image is served publicly as a metadata-free JPEG with long cache headers, and can be the cover', async () => {
    const photo = await makeJpeg(1200, 900, { IFD0: { Make: 'SecretPhone', Artist: '王阿姨' } })
    const body = multipart([{ name: 'file', filename: 'p.jpg', contentType: 'image/jpeg', bytes: photo }])
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/staff/warning-images', payload: body.payload, headers: { ...bearer(staff), ...body.headers } })
    assert.equal(uploaded.statusCode, 201, uploaded.body)
    const image = uploaded.json() as WarningImage
    assert.equal(image.url, `/api/warning-images/${image.id}`)
    assert.ok(image.width > 0 && image.height > 0)

    const served = await t.app.inject({ url: image.url })
    assert.equal(served.statusCode, 200)
    assert.equal(served.headers['content-type'], 'image/jpeg')
    assert.match(String(served.headers['cache-control']), /public, max-age=31536000, immutable/)
    const metadata = await sharp(served.rawPayload).metadata()
    assert.equal(metadata.exif, undefined)
    assert.ok(!served.rawPayload.includes(Buffer.from('SecretPhone')))
    assert.equal(metadata.width, image.width)

    const warning = await published(t, staff, { coverImageId: image.id, bodyHtml: `<p>配图如下</p><img src="${image.url}" alt="示意图" />` })
    const read = (await t.app.inject({ url: `/api/warnings/${warning.id}` })).json() as WarningDetail
    assert.equal(read.coverUrl, image.url)
    assert.match(read.bodyHtml, new RegExp(`<img src="${image.url}" alt="示意图" />`))

    const notAnImage = multipart([{ name: 'file', filename: 'x.jpg', contentType: 'image/jpeg', bytes: Buffer.from('<script>alert(1)</script>') }])
    const refused = await t.app.inject({ method: 'POST', url: '/api/staff/warning-images', payload: notAnImage.payload, headers: { ...bearer(staff), ...notAnImage.headers } })
    assert.equal(refused.statusCode, 415)
  })

  test('evidence photos are never reachable through the public image route', async () => {
    const evidence = await uploadPhoto(t, consumer, await makeJpeg())
    assert.equal(evidence.statusCode, 201, evidence.body)
    const served = await t.app.inject({ url: `/api/warning-images/${evidence.json().id}` })
    assert.equal(served.statusCode, 404)
    assert.equal(served.json().code, 'WARNING_IMAGE_NOT_FOUND')
  })

  test('a draft made from a volunteer report is invisible until staff publish it, then found by its body text', async () => {
    const staffUser = await t.ctx.db.selectFrom('users').select('id').where('phone', '=', '13800000004').executeTakeFirstOrThrow()
    const { id } = await t.ctx.db.transaction().execute((trx) =>
      createWarningDraft(trx, {
        title: '走访发现：某超市临期食品混卖',
        summary: '志愿者走访发现临期食品与正常商品混放销售，请注意查看日期。',
        bodyHtml: '<p>货架上的临期酸奶没有单独标示。</p>',
        industry: 'food',
        regions: ['北京市'],
        issuer: '示例市消费者协会',
        createdBy: staffUser.id,
        sourceReportId: null,
        now: t.ctx.now(),
      }),
    )
    assert.equal((await t.app.inject({ url: `/api/warnings/${id}` })).statusCode, 404)
    await publish(t, staff, id)
    const found = await t.app.inject({ url: `/api/warnings/search?q=${encodeURIComponent('临期酸奶')}` })
    assert.deepEqual(found.json().items.map((w: { id: string }) => w.id), [id])
  })
})
