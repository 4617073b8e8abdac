import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { sql } from 'kysely'
import { startFakeWechat } from './support/fake-wechat'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { createCast, fileOdrComplaint, type Cast } from './support/workflow'
import { apply, fileReport, makeVolunteer, signIn, type Person } from './support/volunteers'
import { createDraft } from './support/warnings'

/** The part of JSON Schema the OpenAPI document uses for request bodies and parameters. */
interface Schema {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  format?: string
}
interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: Schema }>
  requestBody?: { content: Record<string, { schema: Schema }> }
}

const RUNS_PER_ROLE = Number(process.env.FUZZ_RUNS ?? 25)

const deep = (depth: number, wrap: (inner: unknown) => unknown) => {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}
const NASTY_VALUES: unknown[] = [
  ...['', ' ', 'Infinity', '-Infinity', 'NaN', '0x10', '1e3', '16', '１６', 'true', 'null', '[]', '{}', '\u0000', '\uD800', '\uDFFF', '\u202E\u202D', '\uFEFF', '𠀀𠀁𠀂', '👨‍👩‍👧‍👦', 'e\u0301', '<img src=x onerror=alert(1)>', "'; drop table complaints; --", '__proto__', 'x'.repeat(5000)],
  ...[1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 53) - 2, 2 ** 31, 2 ** 63, 1e21, -0, 0.5, 5e-324, -1],
  true,
  false,
  null,
  [],
  {},
  { __proto__: { admin: true } },
  JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
  deep(3000, (inner) => [inner]),
  deep(2000, (inner) => ({ a: inner })),
]
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

/** Mostly well-formed values (so requests get past validation into the services), now and then a nasty one. */
function valueFor(schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: wellFormed(schema) }, { weight: 1, arbitrary: nasty })
}

function wellFormed(schema: Schema): fc.Arbitrary<unknown> {
  const members = schema.anyOf ?? schema.oneOf
  if (members?.length) return fc.oneof(...members.map(wellFormed))
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum?.length) return fc.constantFrom(...schema.enum)
  switch ([schema.type].flat()[0]) {
    case 'string':
      if (schema.format === 'date-time') return fc.date({ min: new Date('2024-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, schema.maxLength ?? 200))
      return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) })
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31) })
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(valueFor(schema.items ?? {}), { minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(schema.maxItems ?? 3, 3) })
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, valueFor(value)]))
      const record = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) })
      // Now and then a field the schema does not know.
      return fc.tuple(record, fc.option(fc.tuple(fc.constantFrom('role', 'id', 'status', '__proto__', 'extra', '字段'), nasty), { freq: 5 })).map(([value, extra]) =>
        extra ? { ...value, [extra[0]]: extra[1] } : value,
      )
    }
    default:
      return nasty
  }
}

describe(`every JSON route survives generated bodies from every role (${TEST_DB})`, () => {
  let t: TestApp
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>
  let cast: Cast
  let volunteer: Person
  const pathIds: Record<string, string> = {}
  let tables: string[] = []

  before(async () => {
    // WeChat configured (a loopback fake), so /api/auth/wechat answers for itself rather than "not configured" (503).
    wechat = await startFakeWechat('wx1234567890abcdef', 'app-secret')
    t = await createTestApp({ WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'app-secret', WECHAT_API_BASE: wechat.baseUrl })
    cast = await createCast(t, '86')
    volunteer = await makeVolunteer(t, '13686000001', { ...cast.staff, phone: '' })
    const revocable = await makeVolunteer(t, '13686000002', { ...cast.staff, phone: '' }, '李志愿')
    const applicant = await signIn(t, '13686000003')
    pathIds.application = (await apply(t, applicant)).json().id
    pathIds.complaint = (await fileOdrComplaint(t, cast)).id
    pathIds.report = (await fileReport(t, volunteer)).id
    pathIds.warning = (await createDraft(t, cast.staff.token)).id
    pathIds.enterprise = cast.enterpriseId
    pathIds.user = revocable.id
    pathIds.notification = (await t.ctx.db.selectFrom('notifications').select('id').executeTakeFirstOrThrow()).id
    tables = (await t.ctx.db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith('kysely_') && !name.startsWith('warnings_fts'))
  })
  after(async () => {
    await t.close()
    await wechat.close()
  })

  /** Row counts of every table in one query. */
  async function rowCounts(): Promise<Record<string, number>> {
    const columns = sql.join(tables.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.id(table)}`))
    const { rows } = await sql<Record<string, number | string>>`select ${columns}`.execute(t.ctx.db)
    return Object.fromEntries(Object.entries(rows[0]!).map(([table, n]) => [table, Number(n)]))
  }

  function idFor(path: string, param: string): string {
    if (param === 'userId') return pathIds.user!
    if (path.includes('/complaints/')) return pathIds.complaint!
    if (path.includes('/volunteer-applications/')) return pathIds.application!
    if (path.includes('/field-reports/')) return pathIds.report!
    if (path.includes('/warnings/')) return pathIds.warning!
    if (path.includes('/enterprises/')) return pathIds.enterprise!
    if (path.includes('/notifications/')) return pathIds.notification!
    return randomUUID()
  }

  function operations(predicate: (op: Operation) => boolean) {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> }
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => predicate(op))
        .map(([method, op]) => ({ path, method: method.toUpperCase() as 'POST', op })),
    )
  }

  const roles = () => ({ anonymous: null, consumer: cast.consumer.token, volunteer: volunteer.token, liaison: cast.liaison.token, staff: cast.staff.token })

  async function assertHandled(response: { statusCode: number; body: string }, what: string, before: Record<string, number>) {
    assert.ok(response.statusCode < 500, `${what} → ${response.statusCode} ${response.body.slice(0, 300)}`)
    if (response.statusCode < 400) return
    const body = JSON.parse(response.body) as { code?: unknown; message?: unknown }
    assert.equal(typeof body.code, 'string', `${what}: ${response.body.slice(0, 200)}`)
    assert.ok(typeof body.message === 'string' && body.message.length > 0, `${what}: ${response.body.slice(0, 200)}`)
    assert.deepEqual(await rowCounts(), before, `${what} answered ${response.statusCode} but stored rows`)
  }

  test('no 5xx, every 4xx is {code, message}, nothing stored on a 4xx', async () => {
    await t.app.ready()
    const routes = operations((op) => Boolean(op.requestBody?.content['application/json']))
    assert.ok(routes.length >= 40, `only ${routes.length} JSON routes found`)
    let requests = 0
    for (const { path, method, op } of routes) {
      const schema = op.requestBody!.content['application/json']!.schema
      const body = fc.oneof({ weight: 8, arbitrary: wellFormed(schema) }, { weight: 1, arbitrary: nasty })
      const pathParam = fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('x', randomUUID(), 'Infinity', '%E0%A4%A', '0'.repeat(80)) })
      for (const [role, token] of Object.entries(roles())) {
        await fc.assert(
          fc.asyncProperty(body, pathParam, async (payload, param) => {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (param === null ? idFor(path, name) : param))
            const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? bearer(token) : {}) }
            for (const header of op.parameters?.filter((p) => p.in === 'header') ?? []) headers[header.name] = randomUUID()
            const before = await rowCounts()
            const response = await t.app.inject({ method, url, headers, payload: JSON.stringify(payload) })
            requests += 1
            await assertHandled(response, `${role} ${method} ${url} ${JSON.stringify(payload).slice(0, 200)}`, before)
          }),
          { numRuns: RUNS_PER_ROLE, includeErrorInReport: true },
        )
      }
    }
    console.log(`${routes.length} JSON routes × 5 roles, ${requests} requests`)
  })

  test('query strings: generated values for every parameter of every GET route, as every role, never a 5xx', async () => {
    const routes = operations((op) => Boolean(op.parameters?.some((p) => p.in === 'query')))
    for (const { path, method, op } of routes.filter((route) => route.method === 'GET' && !route.path.endsWith('/stream'))) {
      const names = op.parameters!.filter((p) => p.in === 'query').map((p) => p.name)
      const query = fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.constantFrom('', 'Infinity', '0x10', '1e3', '-1', '1', '99999999999999999999', '%00', 'true', '\uD800'), fc.string({ unit: 'binary', maxLength: 20 })))
      for (const [role, token] of Object.entries(roles())) {
        await fc.assert(
          fc.asyncProperty(query, async (values) => {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) => idFor(path, name))
            const before = await rowCounts()
            const response = await t.app.inject({ method, url, query: values, headers: token ? bearer(token) : {} })
            await assertHandled(response, `${role} GET ${url}?${new URLSearchParams(values)}`, before)
          }),
          { numRuns: Math.ceil(RUNS_PER_ROLE / 2), includeErrorInReport: true },
        )
      }
    }
  })
})
