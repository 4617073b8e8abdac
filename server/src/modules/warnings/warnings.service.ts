import { randomUUID } from 'node:crypto'
import type { Updateable } from 'kysely'
import {
  WARNING_ISSUER_MAX,
  WARNING_PAGE_SIZE,
  WARNING_QUERY_MIN,
  WARNING_RELATED_MAX,
  WARNING_SUMMARY_MAX,
  WARNING_TITLE_MAX,
  WARNING_URGENT_BANNER_MAX,
  type CreateWarningRequest,
  type StaffWarningListQuery,
  type StaffWarningSaveResponse,
  type StaffWarning,
  type StaffWarningListResponse,
  type UpdateWarningRequest,
  type UrgentWarningsResponse,
  type WarningDetail,
  type WarningListQuery,
  type WarningListResponse,
  type WarningSearchQuery,
  type WarningSearchResponse,
} from '../../../../src/contract/warning'
import type { WarningStatus } from '../../../../src/contract/warning-kinds'
import type { AppContext } from '../../context'
import type { WarningTable } from '../../db/schema-warnings'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { alertUrgentWarning } from './warning-alerts'
import { fanoutProgress, kickWarningFanouts } from './warning-fanout'
import { toStaffWarning, toWarningSummary } from './warning-dto'
import { htmlToText, sanitizeWarningHtml } from './warning-html'
import { warningImageExists } from './warning-images'
import { highlightSegments, searchPage } from './warning-search'
import { syncWarningTerms } from './warning-terms'
import type { WarningViewCounter } from './warning-views'
import { findPublic, findSummariesByIds, findWarning, listForStaff, listPublic, newestUrgent, relatedPublic, type WarningRow, type WarningSummaryRow } from './warnings.repository'

/** Urgent warnings pinned above page 1 of the list; older urgent ones fall back into the list. */
export const PINNED_MAX = 5
/** Scheduling further ahead than this is almost certainly a typo in the year. */
const SCHEDULE_AHEAD_MAX_MS = 366 * 24 * 3600 * 1000
/** A publish time this far in the past is taken as "now" typed slowly, not a back-dated warning. */
const PUBLISH_SLACK_MS = 5 * 60 * 1000

const pageOf = (page = 1, size = WARNING_PAGE_SIZE) => ({ offset: (page - 1) * size, limit: size })

export async function listPublicWarnings(ctx: AppContext, query: WarningListQuery): Promise<WarningListResponse> {
  const now = ctx.now()
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? WARNING_PAGE_SIZE
  const filter = { kind: query.kind, industry: query.industry, region: query.region }
  const pinned = await newestUrgent(ctx.db, now, filter, PINNED_MAX)
  const { rows, total } = await listPublic(ctx.db, now, filter, pinned.map((row) => row.id), pageOf(page, pageSize))
  return { items: rows.map(toWarningSummary), page, pageSize, total, pinned: page === 1 ? pinned.map(toWarningSummary) : [] }
}

export async function urgentWarnings(ctx: AppContext): Promise<UrgentWarningsResponse> {
  const rows = await newestUrgent(ctx.db, ctx.now(), {}, WARNING_URGENT_BANNER_MAX)
  return { items: rows.map(toWarningSummary) }
}

/** Drafts, archived and scheduled warnings do not exist for the public. */
export async function viewWarning(ctx: AppContext, views: WarningViewCounter, id: string): Promise<WarningDetail> {
  const now = ctx.now()
  const row = await findPublic(ctx.db, id, now)
  if (!row) throw new AppError(404, 'WARNING_NOT_FOUND')
  views.record(id)
  const related = await relatedPublic(ctx.db, row, now, WARNING_RELATED_MAX)
  const summary = toWarningSummary(row)
  return { ...summary, viewCount: summary.viewCount + views.unsaved(id), bodyHtml: row.body_html, related: related.map(toWarningSummary) }
}

export async function searchWarnings(ctx: AppContext, query: WarningSearchQuery): Promise<WarningSearchResponse> {
  const term = query.q.trim()
  if ([...term].length < WARNING_QUERY_MIN) throw new AppError(400, 'WARNING_QUERY_TOO_SHORT')
  const page = query.page ?? 1
  const { offset, limit } = pageOf(page)
  const { total, ids } = await searchPage(ctx.db, ctx.dialect, term, ctx.now(), { offset, limit })
  const byId = new Map((await findSummariesByIds(ctx.db, ids)).map((row) => [row.id, row]))
  const items = ids
    .map((id) => byId.get(id))
    .filter((row): row is WarningSummaryRow => row !== undefined)
    .map((row) => ({
      ...toWarningSummary(row),
      highlight: { title: highlightSegments(row.title, term), summary: highlightSegments(row.summary, term) },
    }))
  return { items, total, page, pageSize: limit }
}

// ── staff ──

export async function listStaffWarnings(ctx: AppContext, query: StaffWarningListQuery): Promise<StaffWarningListResponse> {
  const page = query.page ?? 1
  const { rows, total } = await listForStaff(ctx.db, { status: query.status, q: query.q }, pageOf(page))
  return { items: rows.map(toStaffWarning), total, page, pageSize: WARNING_PAGE_SIZE }
}

export async function getStaffWarning(ctx: AppContext, id: string): Promise<StaffWarning> {
  return { ...toStaffWarning(await existing(ctx, id)), alertProgress: await fanoutProgress(ctx.db, id) }
}

async function existing(ctx: AppContext, id: string): Promise<WarningRow> {
  const row = await findWarning(ctx.db, id)
  if (!row) throw new AppError(404, 'WARNING_NOT_FOUND')
  return row
}

function trimmedLength(text: string, min: number, max: number): boolean {
  const length = [...text.trim()].length
  return length >= min && length <= max
}

/** The columns a create or edit changes, checked and with the body sanitized. */
async function editedColumns(ctx: AppContext, input: UpdateWarningRequest): Promise<Updateable<WarningTable>> {
  const set: Updateable<WarningTable> = {}
  if (input.kind !== undefined) set.kind = input.kind
  if (input.title !== undefined) {
    if (!trimmedLength(input.title, 4, WARNING_TITLE_MAX)) throw new AppError(400, 'WARNING_TITLE_INVALID')
    set.title = input.title.trim()
  }
  if (input.summary !== undefined) {
    if (!trimmedLength(input.summary, 10, WARNING_SUMMARY_MAX)) throw new AppError(400, 'WARNING_SUMMARY_INVALID')
    set.summary = input.summary.trim()
  }
  if (input.bodyHtml !== undefined) {
    const html = sanitizeWarningHtml(input.bodyHtml)
    const text = htmlToText(html)
    if (text === '' && !html.includes('<img')) throw new AppError(400, 'WARNING_BODY_EMPTY')
    set.body_html = html
    set.body_text = text
  }
  if (input.industry !== undefined) set.industry = input.industry
  if (input.regions !== undefined) set.regions = JSON.stringify(input.regions.map((r) => r.trim()).filter((r) => r !== '' && r !== '全国'))
  if (input.urgent !== undefined) set.urgent = input.urgent ? 1 : 0
  if (input.issuer !== undefined) {
    if (!trimmedLength(input.issuer, 2, WARNING_ISSUER_MAX)) throw new AppError(400, 'WARNING_ISSUER_INVALID')
    set.issuer = input.issuer.trim()
  }
  if (input.coverImageId !== undefined) {
    if (input.coverImageId !== null && !(await warningImageExists(ctx, input.coverImageId))) throw new AppError(400, 'WARNING_COVER_NOT_FOUND')
    set.cover_image_id = input.coverImageId
  }
  if (input.publishAt !== undefined) set.published_at = input.publishAt === null ? null : checkedTime(ctx, input.publishAt, false)
  return set
}

/** ISO UTC, not absurdly far ahead; for publishing also not in the past. */
function checkedTime(ctx: AppContext, iso: string, forPublishing: boolean): string {
  const at = Date.parse(iso)
  const now = ctx.now().getTime()
  if (Number.isNaN(at) || at > now + SCHEDULE_AHEAD_MAX_MS) throw new AppError(400, 'WARNING_PUBLISH_TIME_INVALID')
  if (forPublishing && at < now - PUBLISH_SLACK_MS) throw new AppError(400, 'WARNING_PUBLISH_TIME_INVALID')
  return new Date(forPublishing ? Math.max(at, now) : at).toISOString()
}

async function saved(ctx: AppContext, id: string): Promise<StaffWarningSaveResponse> {
  const warning = { ...toStaffWarning(await existing(ctx, id)), alertProgress: await fanoutProgress(ctx.db, id) }
  return { warning, sanitizedHtml: warning.bodyHtml }
}

export async function createWarning(ctx: AppContext, author: AuthUser, input: CreateWarningRequest): Promise<StaffWarningSaveResponse> {
  const set = await editedColumns(ctx, input)
  const id = randomUUID()
  const at = ctx.now().toISOString()
  await ctx.db
    .insertInto('warnings')
    .values({
      id,
      kind: input.kind,
      title: set.title as string,
      summary: set.summary as string,
      body_html: set.body_html as string,
      body_text: set.body_text as string,
      industry: input.industry,
      regions: (set.regions as string | undefined) ?? '[]',
      urgent: (set.urgent as number | undefined) ?? 0,
      cover_image_id: (set.cover_image_id as string | null | undefined) ?? null,
      issuer: set.issuer as string,
      status: 'draft',
      published_at: (set.published_at as string | null | undefined) ?? null,
      created_by: author.id,
      source_report_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute()
  return saved(ctx, id)
}

/** Editing a published warning keeps it published; making it urgent then tells users (once). */
export async function editWarning(ctx: AppContext, id: string, input: UpdateWarningRequest): Promise<StaffWarningSaveResponse> {
  await existing(ctx, id)
  const set = await editedColumns(ctx, input)
  const now = ctx.now()
  const fanout = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('warnings')
      .set({ ...set, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute()
    const edited = (await findWarning(trx, id))!
    await syncWarningTerms(trx, edited)
    return alertUrgentWarning(trx, edited, now)
  })
  if (fanout) kickWarningFanouts()
  return saved(ctx, id)
}

const TRANSITIONS = {
  publish: ['draft', 'published', 'archived'],
  unpublish: ['published'],
  archive: ['draft', 'published'],
} as const satisfies Record<string, readonly WarningStatus[]>
export type WarningTransition = keyof typeof TRANSITIONS

/**
 * publish (now, or at publishAt in the future = scheduled), unpublish (back to draft), archive.
 * A compare-and-swap on the status the caller saw, so two staff acting at once cannot both win.
 */
export async function changeWarningStatus(
  ctx: AppContext,
  id: string,
  transition: WarningTransition,
  publishAt?: string,
): Promise<StaffWarningSaveResponse> {
  const row = await existing(ctx, id)
  const allowed: readonly WarningStatus[] = TRANSITIONS[transition]
  if (!allowed.includes(row.status)) throw new AppError(409, 'WARNING_STATE_CONFLICT')
  const now = ctx.now()
  const set: Updateable<WarningTable> = { updated_at: now.toISOString() }
  if (transition === 'publish') {
    set.status = 'published'
    const planned = row.status === 'draft' && row.published_at !== null && row.published_at > now.toISOString() ? row.published_at : undefined
    set.published_at = publishAt !== undefined ? checkedTime(ctx, publishAt, true) : (planned ?? now.toISOString())
  } else {
    set.status = transition === 'unpublish' ? 'draft' : 'archived'
  }
  const fanout = await ctx.db.transaction().execute(async (trx) => {
    const update = await trx.updateTable('warnings').set(set).where('id', '=', id).where('status', '=', row.status).executeTakeFirst()
    if (Number(update.numUpdatedRows) !== 1) throw new AppError(409, 'WARNING_STATE_CONFLICT')
    const changed = (await findWarning(trx, id))!
    await syncWarningTerms(trx, changed)
    return alertUrgentWarning(trx, changed, now)
  })
  // Telling every reader happens in the fan-out job, in batches: publishing answers at once.
  if (fanout) kickWarningFanouts()
  return saved(ctx, id)
}

export function previewWarningHtml(bodyHtml: string): { bodyHtml: string } {
  return { bodyHtml: sanitizeWarningHtml(bodyHtml) }
}
