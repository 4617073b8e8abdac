import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { MATRIX, type MatrixRow, type Outcome } from './authorization-matrix.table'
import { ACTORS, createMatrixCast, FIXTURES, type Actor, type Cast } from './support/matrix-fixtures'
import { makeJpeg, multipart } from './support/photos'
import { signIn } from './support/volunteers'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** `METHOD /path` of every operation in the OpenAPI document. */
function documentedRoutes(t: TestApp): string[] {
  const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths
  return Object.entries(paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
}

/** The route a matrix key is about: `GET /api/evidence/{id} #association path` → `GET /api/evidence/{id}`. */
const routeOf = (key: string) => key.replace(/\s+#.*$/, '')

function outcomeOf(status: number, row: MatrixRow): Outcome | number {
  if (status === 401 || status === 403 || status === 404) return status
  if ((status >= 200 && status < 300) || row.alsoOk?.includes(status)) return 'ok'
  return status
}

describe(`authorization matrix: every route × every kind of caller (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    // The matrix signs people in again and again: lift the SMS limits meant for real phones.
    t = await createTestApp({ SMS_PHONE_PER_MINUTE: '1000', SMS_PHONE_PER_DAY: '1000', SMS_IP_PER_MINUTE: '1000', SMS_IP_PER_DAY: '100000' })
    cast = await createMatrixCast(t)
  })
  after(() => t.close())

  test('the matrix has exactly one row per route of the OpenAPI document', async () => {
    await t.app.ready()
    const documented = documentedRoutes(t)
    const covered = new Set(Object.keys(MATRIX).map(routeOf))
    const withoutRow = documented.filter((route) => !covered.has(route))
    const rowsForGoneRoutes = [...covered].filter((route) => !documented.includes(route))
    assert.deepEqual({ withoutRow, rowsForGoneRoutes }, { withoutRow: [], rowsForGoneRoutes: [] })
    assert.ok(documented.length > 70, `the document lists ${documented.length} routes`)
  })

  async function call(key: string, row: MatrixRow, actor: Actor, params: Record<string, string>) {
    const [method = '', template = ''] = routeOf(key).split(' ')
    let url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
    const search = row.search ? params.$search : new URLSearchParams(row.query ?? {}).toString()
    if (search) url += `?${search}`
    let token = actor === 'anonymous' ? null : cast.people[actor].token
    if (token && row.freshSession) token = (await signIn(t, cast.people[actor as Exclude<Actor, 'anonymous'>].phone)).token
    const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(row.headers?.() ?? {}) }
    if (row.photo) {
      const form = multipart([{ name: 'file', filename: 'photo.jpg', contentType: 'image/jpeg', bytes: await makeJpeg(64, 48) }])
      return t.app.inject({ method: method as 'POST', url, headers: { ...headers, ...form.headers }, payload: form.payload })
    }
    const body = typeof row.body === 'function' ? await row.body(t, cast) : row.body
    return t.app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: body } : {}) })
  }

  async function build(row: MatrixRow): Promise<Record<string, string>> {
    const built: Record<string, string> = {}
    for (const [name, fixture] of Object.entries(row.params ?? {})) built[name] = await FIXTURES[fixture](t, cast)
    if (row.search) built.$search = await FIXTURES[row.search](t, cast)
    for (const { fixture } of row.conceals ?? []) built[`$${fixture}`] = await FIXTURES[fixture](t, cast)
    return built
  }

  for (const [key, row] of Object.entries(MATRIX)) {
    test(key, async () => {
      const changesState = MUTATING.has(key.split(' ')[0] ?? '')
      // Refused callers first: a refusal changes nothing, so they all share one set of fixtures.
      const order = ACTORS.map((actor, index) => ({ actor, expected: row.expect[index] })).sort((a, b) => Number(a.expected === 'ok') - Number(b.expected === 'ok'))
      const shared = await build(row)
      const wrong: string[] = []
      for (const { actor, expected } of order) {
        const params = changesState && expected === 'ok' ? await build(row) : shared
        const response = await call(key, row, actor, params)
        const got = outcomeOf(response.statusCode, row)
        if (got !== expected) wrong.push(`${actor}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`)
        for (const { fixture, from } of row.conceals ?? []) {
          if (from.includes(actor) && response.body.includes(params[`$${fixture}`] ?? '-')) wrong.push(`${actor}: sees ${fixture}`)
        }
      }
      assert.deepEqual(wrong, [])
    })
  }
})
