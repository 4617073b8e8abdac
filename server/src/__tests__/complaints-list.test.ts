import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

interface Page {
  items: Array<{ id: string; status: string; createdAt: string }>
  nextCursor: string | null
}

describe(`my complaints, page by page (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  /** Ids in the order the list must show them: newest first, ties by id descending. */
  let expected: string[] = []
  const filed: Array<{ id: string; createdAt: string }> = []
  let clock = Date.now()

  before(async () => {
    t = await createTestApp()
    token = (await loginByPhone(t, '13900000401', '10.6.0.1')).accessToken
    // A frozen clock moved by hand: every three complaints share a millisecond, so ties happen.
    t.ctx.now = () => new Date(clock)
    for (let i = 0; i < 45; i++) {
      if (i % 3 === 0) clock += 1000
      const complaint = await fileComplaint(t, token)
      filed.push({ id: complaint.id, createdAt: new Date(clock).toISOString() })
    }
    expected = newestFirst(filed)
  })
  after(() => t.close())

  function newestFirst(complaints: Array<{ id: string; createdAt: string }>) {
    return [...complaints].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)).map((c) => c.id)
  }

  async function page(query: string): Promise<Page> {
    const response = await t.app.inject({ url: `/api/complaints?${query}`, headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json()
  }

  async function everyPage(query: string, limit: number) {
    const ids: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const result: Page = await page(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ids.push(...result.items.map((item) => item.id))
      cursor = result.nextCursor
      pages++
    } while (cursor && pages < 100)
    return { ids, pages }
  }

  test('45 complaints in pages of 20: newest first, no duplicates, no gaps', async () => {
    const { ids, pages } = await everyPage('', 20)
    assert.equal(pages, 3)
    assert.equal(new Set(ids).size, 45)
    assert.deepEqual(ids, expected)
  })

  test('the default page has 20; a page size that fits exactly ends without a cursor', async () => {
    const first = await page('')
    assert.equal(first.items.length, 20)
    assert.ok(first.nextCursor)
    const { ids, pages } = await everyPage('', 15)
    assert.equal(pages, 3)
    assert.deepEqual(ids, expected)
  })

  test('complaints filed while paging do not shift the pages already promised', async () => {
    const first = await page('limit=20')
    clock += 1000
    const newer = await fileComplaint(t, token)
    const rest: string[] = []
    let cursor = first.nextCursor
    while (cursor) {
      const next = await page(`limit=20&cursor=${encodeURIComponent(cursor)}`)
      rest.push(...next.items.map((item) => item.id))
      cursor = next.nextCursor
    }
    assert.deepEqual([...first.items.map((item) => item.id), ...rest], expected)
    assert.equal((await page('limit=1')).items[0]!.id, newer.id)
    expected = [newer.id, ...expected]
  })

  test('open and closed', async () => {
    const withdrawn = expected.filter((_, i) => i % 7 === 0)
    for (const id of withdrawn) {
      const response = await t.app.inject({ method: 'POST', url: `/api/complaints/${id}/withdraw`, headers: bearer(token), payload: {} })
      assert.equal(response.statusCode, 200)
    }
    const closed = await everyPage('state=closed', 4)
    assert.deepEqual(closed.ids, withdrawn)
    const open = await everyPage('state=open', 20)
    assert.deepEqual(
      open.ids,
      expected.filter((id) => !withdrawn.includes(id)),
    )
    assert.ok((await page('state=open')).items.every((item) => item.status === 'awaiting_review'))
  })

  test('a cursor that was not made by the server is refused', async () => {
    for (const cursor of ['garbage', Buffer.from('["yesterday","x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      const response = await t.app.inject({ url: `/api/complaints?cursor=${cursor}`, headers: bearer(token) })
      assert.equal(response.statusCode, 400, cursor)
      assert.equal(response.json().code, 'VALIDATION_FAILED')
    }
    const badState = await t.app.inject({ url: '/api/complaints?state=all', headers: bearer(token) })
    assert.equal(badState.statusCode, 400)
    const badLimit = await t.app.inject({ url: '/api/complaints?limit=500', headers: bearer(token) })
    assert.equal(badLimit.statusCode, 400)
  })
})
