import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { REPLY_WINDOW_DAYS } from '../../../src/contract/published-case-rules'
import { findPii } from '../modules/published-cases/pii'
import { seedDemoData } from '../seed/demo'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, PROPOSAL, type Cast } from './support/workflow'

const NAME = '王小明'
const FACTS = `我是${NAME}，电话 13912345678，住幸福小区3号楼2单元401。在店里办了健身年卡，三个月后门店关门，余额一直不退。`

describe(`published cases: consent, reply window, one reply, public search (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '19')
    await t.ctx.db.updateTable('users').set({ display_name: NAME }).where('id', '=', cast.consumer.id).execute()
  })
  after(() => t.close())

  const as = (token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) })

  /** A's ODR complaint to the cast's enterprise, settled (resolved), with the filing answer given. */
  async function settledCase(consent?: { publish: boolean; photos: boolean }) {
    const filed = await fileComplaint(t, cast.consumer.token, {
      business: { name: '示例优选超市有限公司', enterpriseId: cast.enterpriseId },
      path: 'odr',
      description: FACTS,
      ...(consent ? { publicationConsent: consent } : {}),
    })
    assert.equal((await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)).statusCode, 200)
    assert.equal((await act(t, cast.consumer.token, filed.id, 'accept_proposal', {})).statusCode, 200)
    return filed.id as string
  }

  test('the whole story: consent at filing and closure, proposal, window, reply, publication, withdrawal', async () => {
    const id = await settledCase({ publish: true, photos: false })

    // At closure the consumer is asked again; the filing answer stands until then.
    const asked = (await as(cast.consumer.token, 'GET', `/complaints/${id}/publication-consent`)).json()
    assert.deepEqual([asked.publish, asked.stage, asked.askNow], [true, 'filing', true])
    const confirmed = (await as(cast.consumer.token, 'PUT', `/complaints/${id}/publication-consent`, { publish: true, photos: false })).json()
    assert.deepEqual([confirmed.publish, confirmed.stage, confirmed.askNow, confirmed.textVersion], [true, 'closure', false, 'pc-consent-v1'])

    // The draft is anonymous: no name, phone or address from the consumer's words.
    const draft = (await as(cast.staff.token, 'GET', `/staff/complaints/${id}/publication`)).json()
    assert.equal(draft.consent.publish, true)
    assert.deepEqual(findPii(draft.draftSummary, { names: [NAME] }), [])
    assert.ok(!draft.draftSummary.includes('13912345678') && !draft.draftSummary.includes(NAME), draft.draftSummary)
    assert.match(draft.draftSummary, /健身年卡/)

    // Text still carrying personal details is refused, whatever staff typed.
    const leaky = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/proposal`, { summary: `${draft.draftSummary}\n消费者电话 139 1234 5678。` })
    assert.equal(leaky.statusCode, 400)
    assert.equal(leaky.json().code, 'PUBLICATION_PII_FOUND')
    assert.match(leaky.json().message, /电话号码/)
    const named = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/proposal`, { summary: `${draft.draftSummary}\n${NAME}对结果满意。` })
    assert.equal(named.json().code, 'PUBLICATION_PII_FOUND')

    const proposed = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/proposal`, { summary: draft.draftSummary })
    assert.equal(proposed.statusCode, 200, proposed.body)
    assert.equal(proposed.json().status, 'proposed')
    const windowDays = (Date.parse(proposed.json().replyWindowEndsAt) - Date.parse(proposed.json().notifiedAt)) / 86_400_000
    assert.equal(windowDays, REPLY_WINDOW_DAYS)
    const told = await t.ctx.db.selectFrom('notifications').select('type').where('recipient_id', '=', cast.liaison.id).where('type', '=', 'case_publication').execute()
    assert.equal(told.length, 1)

    // Before the window ends: refused with its own code, and nothing is public.
    const early = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/publish`, { summary: draft.draftSummary, photoIds: [] })
    assert.deepEqual([early.statusCode, early.json().code], [409, 'PUBLICATION_REPLY_WINDOW_OPEN'])
    assert.equal((await as(null, 'GET', `/published-cases/${proposed.json().id}`)).statusCode, 404)

    // The enterprise replies once; again → 409; another enterprise → 404.
    const publicationId = proposed.json().id as string
    const reply = await as(cast.liaison.token, 'POST', `/enterprise/published-cases/${publicationId}/reply`, { text: '我店已全额退款，并改进了会员卡退费流程。' })
    assert.equal(reply.statusCode, 201, reply.body)
    assert.equal(reply.json().items[0].reply.status, 'pending')
    const again = await as(cast.liaison.token, 'POST', `/enterprise/published-cases/${publicationId}/reply`, { text: '再补充一句：欢迎监督。' })
    assert.deepEqual([again.statusCode, again.json().code], [409, 'PUBLICATION_REPLY_EXISTS'])
    const other = await as(cast.otherLiaison.token, 'POST', `/enterprise/published-cases/${publicationId}/reply`, { text: '这不是我们的案例。' })
    assert.equal(other.statusCode, 404)
    assert.deepEqual((await as(cast.otherLiaison.token, 'GET', '/enterprise/published-cases')).json().items, [])

    // As if proposed 15 days and a minute ago (moving the app's clock would end everyone's session).
    const earlier = (iso: string) => new Date(Date.parse(iso) - (REPLY_WINDOW_DAYS * 24 * 60 + 1) * 60_000).toISOString()
    await t.ctx.db
      .updateTable('published_cases')
      .set({ notified_at: earlier(proposed.json().notifiedAt), reply_window_ends_at: earlier(proposed.json().replyWindowEndsAt) })
      .where('id', '=', proposed.json().id)
      .execute()
    const noPhotos = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/publish`, { summary: draft.draftSummary, photoIds: ['some-photo'] })
    assert.deepEqual([noPhotos.statusCode, noPhotos.json().code], [409, 'PUBLICATION_PHOTOS_NOT_ALLOWED'])
    const published = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/publish`, { summary: draft.draftSummary, photoIds: [] })
    assert.equal(published.statusCode, 200, published.body)
    assert.equal(published.json().status, 'published')

    // Anyone finds it by a 2-character term and by the business; the reply shows once approved.
    const found = (await as(null, 'GET', `/published-cases?q=${encodeURIComponent('年卡')}`)).json()
    assert.deepEqual(found.items.map((item: { id: string }) => item.id), [publicationId])
    const byBusiness = (await as(null, 'GET', `/published-cases?q=${encodeURIComponent('优选超市')}`)).json()
    assert.deepEqual(byBusiness.items.map((item: { id: string }) => item.id), [publicationId])
    const ofEnterprise = (await as(null, 'GET', `/published-cases?enterpriseId=${cast.enterpriseId}`)).json()
    assert.deepEqual(ofEnterprise.items.map((item: { id: string }) => item.id), [publicationId])
    assert.equal((await as(null, 'GET', `/published-cases/${publicationId}`)).json().reply, null)
    const pending = (await as(cast.staff.token, 'GET', '/staff/published-case-replies')).json()
    assert.deepEqual(pending.items.map((item: { publicationId: string }) => item.publicationId), [publicationId])
    assert.equal((await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/reply-moderation`, { decision: 'approve' })).statusCode, 200)
    const twice = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/reply-moderation`, { decision: 'reject' })
    assert.deepEqual([twice.statusCode, twice.json().code], [409, 'PUBLICATION_REPLY_NOT_PENDING'])
    const page = (await as(null, 'GET', `/published-cases/${publicationId}`)).json()
    assert.equal(page.reply.text, '我店已全额退款，并改进了会员卡退费流程。')
    assert.ok(!JSON.stringify(page).includes(NAME) && !JSON.stringify(page).includes('13912345678'))

    // Withdrawing consent takes it down at once: page, list and search.
    const withdrawn = (await as(cast.consumer.token, 'PUT', `/complaints/${id}/publication-consent`, { publish: false, photos: false })).json()
    assert.deepEqual([withdrawn.publish, withdrawn.published], [false, false])
    assert.equal((await as(null, 'GET', `/published-cases/${publicationId}`)).statusCode, 404)
    assert.deepEqual((await as(null, 'GET', `/published-cases?q=${encodeURIComponent('年卡')}`)).json().items, [])
    const republish = await as(cast.staff.token, 'POST', `/staff/complaints/${id}/publication/publish`, { summary: draft.draftSummary, photoIds: [] })
    assert.deepEqual([republish.statusCode, republish.json().code], [409, 'PUBLICATION_NO_CONSENT'])
  })

  test('no consent, a refusal at closure, or an open case: never proposed', async () => {
    const none = await settledCase()
    const summary = '一位消费者在超市购买的商品有质量问题，经商家处理后退款，消费者对结果满意。'
    const refused = await as(cast.staff.token, 'POST', `/staff/complaints/${none}/publication/proposal`, { summary })
    assert.deepEqual([refused.statusCode, refused.json().code], [409, 'PUBLICATION_NO_CONSENT'])

    const declined = await settledCase({ publish: true, photos: true })
    await as(cast.consumer.token, 'PUT', `/complaints/${declined}/publication-consent`, { publish: false, photos: false })
    const afterNo = await as(cast.staff.token, 'POST', `/staff/complaints/${declined}/publication/proposal`, { summary })
    assert.deepEqual([afterNo.statusCode, afterNo.json().code], [409, 'PUBLICATION_NO_CONSENT'])

    const open = await fileComplaint(t, cast.consumer.token, { business: { name: '示例优选超市有限公司', enterpriseId: cast.enterpriseId }, path: 'odr', publicationConsent: { publish: true, photos: false } })
    const early = await as(cast.staff.token, 'POST', `/staff/complaints/${open.id}/publication/proposal`, { summary })
    assert.deepEqual([early.statusCode, early.json().code], [409, 'PUBLICATION_CASE_NOT_ENDED'])
  })

  test('bad input: photos without publishing, a one-character search, a wrong type', async () => {
    const id = await settledCase({ publish: true, photos: false })
    const contradictory = await as(cast.consumer.token, 'PUT', `/complaints/${id}/publication-consent`, { publish: false, photos: true })
    assert.equal(contradictory.statusCode, 400)
    assert.equal((await as(cast.consumer.token, 'PUT', `/complaints/${id}/publication-consent`, { publish: 'true', photos: false })).statusCode, 400)
    assert.equal((await as(null, 'GET', `/published-cases?q=${encodeURIComponent('年')}`)).statusCode, 400)
    assert.equal((await as(cast.otherLiaison.token, 'GET', `/complaints/${id}/publication-consent`)).statusCode, 403)
    const stranger = await as(cast.staff.token, 'GET', `/complaints/${id}/publication-consent`)
    assert.equal(stranger.statusCode, 403)
  })

  test('every published text passes the personal details detector', async () => {
    const cases = await t.ctx.db.selectFrom('published_cases').select(['summary', 'business_name']).where('status', '=', 'published').execute()
    const replies = await t.ctx.db.selectFrom('published_case_replies').select('text').where('status', '=', 'approved').execute()
    const names = (await t.ctx.db.selectFrom('users').select('display_name').where('role', '=', 'consumer').execute()).map((row) => row.display_name)
    const texts = [...cases.flatMap((row) => [row.summary, row.business_name]), ...replies.map((row) => row.text)]
    for (const text of texts) assert.deepEqual(findPii(text, { names }), [], text)
    // The same for what the public API answers.
    const list = (await as(null, 'GET', '/published-cases')).json()
    for (const item of list.items) {
      const page = (await as(null, 'GET', `/published-cases/${item.id}`)).json()
      assert.deepEqual(findPii(`${page.summary}\n${page.reply?.text ?? ''}`, { names }), [])
    }
  })
})

describe(`published cases: the demo (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('a fresh start shows two anonymous published cases, found by a 2-character term; seeding again adds none', async () => {
    await seedDemoData(t.ctx.db)
    await seedDemoData(t.ctx.db)
    const list = (await t.app.inject({ method: 'GET', url: '/api/published-cases' })).json()
    assert.deepEqual(list.items.map((item: { businessName: string }) => item.businessName).sort(), ['示例家电城', '示例教育培训'])
    const found = (await t.app.inject({ method: 'GET', url: `/api/published-cases?q=${encodeURIComponent('空调')}` })).json()
    assert.deepEqual(found.items.map((item: { businessName: string }) => item.businessName), ['示例家电城'])
    const names = (await t.ctx.db.selectFrom('users').select('display_name').execute()).map((row) => row.display_name)
    for (const item of list.items) {
      const page = (await t.app.inject({ method: 'GET', url: `/api/published-cases/${item.id}` })).json()
      assert.deepEqual(findPii(page.summary, { names }), [], page.summary)
    }
  })
})
