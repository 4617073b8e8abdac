// The rollup tables as counting every complaint from scratch in JavaScript gives them, and as the
// database holds them, both as sorted lines, so a test can compare them with deepEqual.
import { chinaDate } from '../../china-time'
import type { Db } from '../../db/database'

export interface ScratchRow {
  created_at: string
  status: string
  path: string
  industry: string
  enterprise_id: string | null
  business_name: string
  recovered_amount_fen: number | string | null
  rating: number | string | null
  due_at: string | null
  due_kind: string | null
  first_response_at: string | null
}

const OPEN = new Set(['submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed'])

function add(counts: Map<string, number[]>, key: string, values: number[]) {
  const sums = counts.get(key) ?? values.map(() => 0)
  values.forEach((value, i) => (sums[i]! += value))
  counts.set(key, sums)
}

const lines = (counts: Map<string, number[]>) =>
  [...counts]
    .filter(([, sums]) => sums[0] !== 0)
    .map(([key, sums]) => `${key} ${sums.join(' ')}`)
    .sort()

export function rollupsFromScratch(rows: readonly ScratchRow[]) {
  const complaint = new Map<string, number[]>()
  const business = new Map<string, number[]>()
  const figures = new Map<string, number[]>()
  const due = new Map<string, number[]>()
  const responses = new Map<string, number[]>()
  for (const row of rows) {
    const responseMs = row.first_response_at === null ? NaN : Date.parse(row.first_response_at) - Date.parse(row.created_at)
    if (row.enterprise_id && responseMs >= 0) add(responses, [row.enterprise_id, responseMs].join('|'), [1])
    if (OPEN.has(row.status) && row.due_at !== null) add(due, [row.due_at.slice(0, 10), row.due_kind ?? ''].join('|'), [1])
    const day = chinaDate(new Date(row.created_at))
    const recovered = row.recovered_amount_fen === null ? 0 : Number(row.recovered_amount_fen)
    const rating = row.rating === null ? null : Number(row.rating)
    const rated = rating !== null && rating >= 1 && rating <= 5
    for (const [grain, period] of [
      ['day', day],
      ['month', day.slice(0, 7)],
    ]) {
      add(complaint, [grain, period, row.status, row.path, row.industry].join('|'), [1, recovered])
      add(business, [grain, period, row.enterprise_id ?? '', row.enterprise_id ? '' : row.business_name].join('|'), [1])
    }
    if (row.enterprise_id) add(figures, [row.enterprise_id, row.status].join('|'), [1, rated ? 1 : 0, rated ? rating : 0])
  }
  return { complaint: lines(complaint), business: lines(business), figures: lines(figures), due: lines(due), responses: lines(responses) }
}

export async function rollupsInDatabase(db: Db) {
  const read = (keys: string[], values: number[][]) => values.map((sums, i) => `${keys[i]} ${sums.join(' ')}`).filter((line, i) => values[i]![0] !== 0).sort()
  const complaint = await db.selectFrom('complaint_rollups').selectAll().execute()
  const business = await db.selectFrom('business_rollups').selectAll().execute()
  const figures = await db.selectFrom('enterprise_figure_rollups').selectAll().execute()
  const due = await db.selectFrom('open_due_rollups').selectAll().execute()
  const responses = await db.selectFrom('enterprise_response_rollups').selectAll().execute()
  return {
    complaint: read(
      complaint.map((r) => [r.grain, r.period, r.status, r.path, r.industry].join('|')),
      complaint.map((r) => [Number(r.n), Number(r.recovered_fen)]),
    ),
    business: read(
      business.map((r) => [r.grain, r.period, r.enterprise_id, r.unlisted_name].join('|')),
      business.map((r) => [Number(r.n)]),
    ),
    figures: read(
      figures.map((r) => [r.enterprise_id, r.status].join('|')),
      figures.map((r) => [Number(r.n), Number(r.rated), Number(r.rating_sum)]),
    ),
    due: read(
      due.map((r) => [r.due_day, r.due_kind].join('|')),
      due.map((r) => [Number(r.n)]),
    ),
    responses: read(
      responses.map((r) => [r.enterprise_id, Number(r.response_ms)].join('|')),
      responses.map((r) => [Number(r.n)]),
    ),
  }
}
