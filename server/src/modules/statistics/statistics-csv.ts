import { fenToYuan, INDUSTRY_LABELS } from '../../../../src/contract/complaint-rules'
import { COMPLAINT_STATUS_LABELS, HANDLING_PATH_LABELS } from '../../../../src/contract/complaint-status'
import { STATISTICS_CSV_COLUMNS } from '../../../../src/contract/statistics'
import type { Expression, SqlBool } from 'kysely'
import type { AppContext } from '../../context'
import { complaintsCreatedPage, type CsvPosition, type StatisticsRow } from './statistics.repository'
import { letOthersIn } from '../../db/loop-turn'
import { chinaDate, type StatisticsRange } from './statistics.service'

/** Excel needs the byte-order mark to read UTF-8; without it Chinese text shows as mojibake. */
export const BOM = '\uFEFF'

/**
 * One CSV cell (RFC 4180). A cell starting with = + - @ (or a tab or carriage return) would run as
 * a formula in Excel, so it gets a leading apostrophe (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (cells: ReadonlyArray<string | number | null>) => cells.map(csvCell).join(',')

/**
 * Rows per page: one page is read, written out and let go before the next. On SQLite a page is read
 * synchronously on the event loop, so it is kept small: 250 rows take 1–3 ms of CPU to read and
 * format, and other requests get a turn between pages.
 */
export const CSV_PAGE = 250

function csvRow(row: StatisticsRow): string {
  return csvLine([
    row.number,
    chinaDate(row.created_at),
    COMPLAINT_STATUS_LABELS[row.status] ?? row.status,
    HANDLING_PATH_LABELS[row.path] ?? row.path,
    INDUSTRY_LABELS[row.industry] ?? row.industry,
    row.enterprise_name ?? row.business_name,
    fenToYuan(Number(row.amount_fen)),
    row.recovered_amount_fen === null ? null : fenToYuan(Number(row.recovered_amount_fen)),
    row.closed_at ? chinaDate(row.closed_at) : null,
    row.rating,
    row.referred_to_name,
  ])
}

/**
 * The export as chunks of text, a page of complaints at a time (keyset on created_at, number), so
 * neither the rows nor the file are ever held whole. CRLF line ends, as RFC 4180 and Excel expect.
 */
export async function* statisticsCsv(ctx: AppContext, range: StatisticsRange, visible: Expression<SqlBool> | null = null, pageSize = CSV_PAGE): AsyncGenerator<string> {
  yield `${BOM}${csvLine(STATISTICS_CSV_COLUMNS)}\r\n`
  let after: CsvPosition | null = null
  for (;;) {
    const rows: StatisticsRow[] = await complaintsCreatedPage(ctx.db, range.fromIso, range.toIso, after, pageSize, visible).execute()
    await letOthersIn(ctx.dialect)
    if (!rows.length) return
    yield rows.map((row) => `${csvRow(row)}\r\n`).join('')
    if (rows.length < pageSize) return
    const last = rows.at(-1)!
    after = { createdAt: last.created_at, number: last.number }
  }
}

export const csvFilename = (range: StatisticsRange) => `weiquan-complaints-${range.from}-${range.to}.csv`
