import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { inspect } from 'node:util'
import { after, before, describe, test } from 'node:test'
import AjvCompiler from '@fastify/ajv-compiler'
import fc from 'fast-check'
import { sql } from 'kysely'
import { startFakeWechat } from './support/fake-wechat'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { validComplaint } from './support/complaints'
import { createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'
import { apply, fileReport, makeVolunteer, signIn, validReport, type Person } from './support/volunteers'
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

const strictCompile = AjvCompiler()({}, { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false, strict: false } })
/** Generated bodies per route and role: 10 keeps a database under a minute; FUZZ_RUNS=200 for a long hunt. */
const RUNS_PER_ROLE = Number(process.env.FUZZ_RUNS ?? 10)

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
  JSON.parse('{"__proto__":{"admin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
  deep(3000, (inner) => [inner]),
  deep(2000, (inner) => ({ a: inner })),
]
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

/** A value the schema accepts (the services may still refuse it), now and then with a field the schema does not know. */
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
      return fc.array(wellFormed(schema.items ?? {}), { minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(schema.maxItems ?? 3, 3) })
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, wellFormed(value)]))
      const record = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) })
      return fc.tuple(record, fc.option(fc.tuple(fc.constantFrom('role', 'id', 'status', '__proto__', 'extra', '字段'), nasty), { freq: 8 })).map(([value, extra]) =>
        extra ? { ...value, [extra[0]]: extra[1] } : value,
      )
    }
    default:
      return nasty
  }
}

/** Where a field can be swapped ([] is the whole body), numbers first in line. */
function fieldPaths(value: unknown, prefix: string[] = []): Array<{ path: string[]; isNumber: boolean }> {
  const here = { path: prefix, isNumber: typeof value === 'number' }
  if (!value || typeof value !== 'object' || prefix.length > 5) return [here]
  return [here, ...Object.entries(value).flatMap(([key, child]) => fieldPaths(child, [...prefix, key]))]
}

function withField(value: unknown, path: string[], next: unknown): unknown {
  const [key, ...rest] = path
  if (key === undefined) return next
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) }
  Object.defineProperty(copy, key, { value: withField((value as Record<string, unknown>)[key], rest, next), enumerable: true, writable: true, configurable: true })
  return copy
}

/** What a number arrives as when a client (or an attacker) gets it wrong. */
const NUMBER_IMPOSTORS: unknown[] = ['Infinity', '-Infinity', 'NaN', '0x10', '1e3', '16', '', ' 7', true, null, [1], 1e308, -1e308, 2 ** 63, 0.5, -1]

/** A body with exactly one field (or the body itself) swapped for something wrong. */
function oneFieldWrong(bodies: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return bodies.chain((body) => {
    const paths = fieldPaths(body)
    const numbers = paths.filter((p) => p.isNumber)
    const where = numbers.length ? fc.oneof(fc.constantFrom(...numbers), fc.constantFrom(...paths)) : fc.constantFrom(...paths)
    return fc.tuple(where, fc.oneof(fc.constantFrom(...NUMBER_IMPOSTORS), nasty)).map(([{ path }, value]) => withField(body, path, value))
  })
}

describe(`every JSON route survives generated bodies from every role (${TEST_DB})`, () => {
  let t: TestApp
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>
  let cast: Cast
  let volunteer: Person
  const pathIds: Record<string, string> = {}
  /** Bodies the services accept, so that one wrong field is met deep inside them, not only by the schema. */
  const samples: Record<string, unknown> = {}
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
    samples['POST /api/complaints'] = validComplaint(t)
    samples['POST /api/field-reports'] = await validReport(t, volunteer)
    samples['POST /api/complaints/{id}/actions/propose'] = PROPOSAL
    samples['POST /api/complaints/{id}/actions/rate'] = { stars: 4, comment: '处理及时' }
    samples['POST /api/volunteer-applications'] = { name: '王建国', region: '内蒙古/锡林郭勒盟', phone: '13686000009', motivation: '退休在家，想帮乡亲们把关' }
    // On PostgreSQL the introspection lists every schema's tables, other tests' schemas included: only this test's.
    const schema = TEST_DB === 'postgres' ? (await sql<{ name: string }>`select current_schema() as name`.execute(t.ctx.db)).rows[0]?.name : undefined
    tables = (await t.ctx.db.introspection.getTables())
      .filter((table) => !schema || table.schema === schema)
      .map((table) => table.name)
      .filter((name) => !name.startsWith('kysely_') && !name.startsWith('warnings_fts'))
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
        .map(([method, op]) => ({ path, method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', op })),
    )
  }

  const roles = () => ({ anonymous: null, consumer: cast.consumer.token, volunteer: volunteer.token, liaison: cast.liaison.token, staff: cast.staff.token })

  /** Row counts after the last request; nothing else writes while the test runs (no worker). */
  let counted: Record<string, number> = {}

  async function assertHandled(response: { statusCode: number; body: string }, what: string) {
    assert.ok(response.statusCode < 500, `${what} → ${response.statusCode} ${response.body.slice(0, 300)}`)
    if (response.statusCode < 400) {
      counted = await rowCounts()
      return
    }
    const body = JSON.parse(response.body) as { code?: unknown; message?: unknown }
    assert.equal(typeof body.code, 'string', `${what}: ${response.body.slice(0, 200)}`)
    assert.ok(typeof body.message === 'string' && body.message.length > 0, `${what}: ${response.body.slice(0, 200)}`)
    assert.deepEqual(await rowCounts(), counted, `${what} answered ${response.statusCode} but stored rows`)
  }

  test('no 5xx, every 4xx is {code, message}, nothing stored on a 4xx', async () => {
    await t.app.ready()
    counted = await rowCounts()
    const routes = operations((op) => Boolean(op.requestBody?.content['application/json']))
    assert.ok(routes.length >= 40, `only ${routes.length} JSON routes found`)
    let requests = 0
    for (const { path, method, op } of routes) {
      const schema = op.requestBody!.content['application/json']!.schema
      const sample = samples[`${method} ${path}`]
      const body = fc.oneof(
        { weight: 2, arbitrary: wellFormed(schema) },
        { weight: 3, arbitrary: oneFieldWrong(wellFormed(schema)) },
        { weight: sample ? 4 : 0, arbitrary: oneFieldWrong(fc.constant(sample ?? {})) },
        { weight: 1, arbitrary: nasty },
      )
      // A body that breaks the schema taken literally (no coercion) must never be accepted.
      const literallyValid = strictCompile({ schema, method, url: path, httpPart: 'body' })
      const pathParam = fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('x', randomUUID(), 'Infinity', '%E0%A4%A', '0'.repeat(80)) })
      for (const [role, token] of Object.entries(roles())) {
        await fc.assert(
          fc.asyncProperty(body, pathParam, async (payload, param) => {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (param === null ? idFor(path, name) : param))
            const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? bearer(token) : {}) }
            for (const header of op.parameters?.filter((p) => p.in === 'header') ?? []) headers[header.name] = randomUUID()
            const sent = JSON.stringify(payload)
            const response = await t.app.inject({ method, url, headers, payload: sent })
            requests += 1
            const what = `${role} ${method} ${url} ${inspect(payload, { depth: 4, breakLength: Infinity }).slice(0, 300)}`
            await assertHandled(response, what)
            // A JSON null is "no body", which actions with only optional fields read as {} (see emptyBodyAsObject).
            if (!literallyValid(JSON.parse(sent) ?? {})) assert.ok(response.statusCode >= 400, `${what} broke the schema but was accepted: ${response.statusCode}`)
          }),
          { numRuns: RUNS_PER_ROLE, includeErrorInReport: true },
        )
      }
    }
    console.log(`${routes.length} JSON routes × 5 roles, ${requests} requests`)
  })

  test('query strings: generated values for every parameter of every GET route, as every role, never a 5xx', async () => {
    counted = await rowCounts()
    const routes = operations((op) => Boolean(op.parameters?.some((p) => p.in === 'query')))
    for (const { path, method, op } of routes.filter((route) => route.method === 'GET' && !route.path.endsWith('/stream'))) {
      const names = op.parameters!.filter((p) => p.in === 'query').map((p) => p.name)
      const query = fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.constantFrom('', 'Infinity', '0x10', '1e3', '-1', '1', '99999999999999999999', '%00', 'true', '\uD800'), fc.string({ unit: 'binary', maxLength: 20 })))
      for (const [role, token] of Object.entries(roles())) {
        await fc.assert(
          fc.asyncProperty(query, async (values) => {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) => idFor(path, name))
            const response = await t.app.inject({ method, url, query: values, headers: token ? bearer(token) : {} })
            await assertHandled(response, `${role} GET ${url}?${new URLSearchParams(values)}`)
          }),
          { numRuns: Math.ceil(RUNS_PER_ROLE / 2), includeErrorInReport: true },
        )
      }
    }
  })
})
