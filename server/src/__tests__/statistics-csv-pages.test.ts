import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { CSV_PAGE, statisticsCsv } from '../modules/statistics/statistics-csv'
import { resolveRange } from '../modules/statistics/statistics.service'
import { insertComplaintAbout } from './support/enterprises'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

// The export is read a page at a time by (created_at, number), with a turn of the event loop between
// pages. Many complaints share one instant here, so page boundaries fall inside runs of equal times.
const range = resolveRange({ from: '2026-05-01', to: '2026-05-31' }, new Date('2026-06-01T00:00:00.000Z'))

describe(`statistics CSV across page boundaries (${TEST_DB})`, () => {
  let t: TestApp
  /** Every complaint in the range, in export order (created_at, then number). */
  const expected: string[] = []

  before(async () => {
    t = await createTestApp()
    const instants = ['2026-05-03T02:00:00.000Z', '2026-05-10T08:30:00.000Z', '2026-05-10T08:30:00.001Z', '2026-05-20T23:59:59.999Z']
    const rows: Array<{ createdAt: string; number: string }> = []
    // Numbers inserted out of order: 5, 6, 3 and 4 complaints at the same instant.
    for (const [k, createdAt] of instants.entries()) {
      for (const n of [7, 2, 9, 1, 5, 3].slice(0, [5, 6, 3, 4][k])) rows.push({ createdAt, number: `WQ2026${k}${n}` })
    }
    for (const row of rows) {
      await insertComplaintAbout(t, null, { status: 'submitted', createdAt: row.createdAt, columns: { number: row.number } })
    }
    // Just outside the range at either end (China time): not exported.
    await insertComplaintAbout(t, null, { status: 'submitted', createdAt: '2026-04-30T15:59:59.999Z', columns: { number: 'WQ2026before' } })
    await insertComplaintAbout(t, null, { status: 'submitted', createdAt: range.toIso, columns: { number: 'WQ2026after' } })
    rows.sort((a, b) => (a.createdAt === b.createdAt ? (a.number < b.number ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
    expected.push(...rows.map((row) => row.number))
  })
  after(() => t.close())

  async function exportWith(pageSize: number): Promise<string[]> {
    const chunks: string[] = []
    for await (const chunk of statisticsCsv(t.ctx, range, null, pageSize)) chunks.push(chunk)
    return chunks
  }
  const numbersIn = (chunks: string[]) =>
    chunks
      .join('')
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]!)

  test('every complaint comes out exactly once and in order, whatever the page size', async () => {
    assert.equal(expected.length, 18)
    const whole = (await exportWith(1000)).join('')
    for (const pageSize of [1, 2, 3, 4, 5, 7, 17, 18, CSV_PAGE]) {
      const chunks = await exportWith(pageSize)
      assert.deepEqual(numbersIn(chunks), expected, `page size ${pageSize}`)
      assert.equal(chunks.join(''), whole, `page size ${pageSize}`)
    }
  })

  test('other work gets a turn of the event loop between pages', async () => {
    let turns = 0
    let ticking = true
    const tick = () => {
      turns += 1
      if (ticking) setImmediate(tick)
    }
    setImmediate(tick)
    const seen: number[] = []
    try {
      for await (const chunk of statisticsCsv(t.ctx, range, null, 4)) {
        void chunk
        seen.push(turns)
      }
    } finally {
      ticking = false
    }
    // The header, then five pages of rows (4 + 4 + 4 + 4 + 2).
    assert.equal(seen.length, 6)
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! > seen[i - 1]!, `no turn between pages ${i - 1} and ${i}: ${seen.join(', ')}`)
  })
})
