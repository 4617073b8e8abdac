import { chinaMidnight, DAY_MS } from '../../china-time'
import type { FieldReport, FieldReportListResponse, StaffFieldReport, StaffFieldReportListResponse, StaffFieldReportsQuery } from '../../../../src/contract/field-report'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { staffScope } from '../organizations/organization-scope'
import { volunteerIdentities } from '../volunteers/volunteers.repository'
import { fieldReportsVisibleTo, seesFieldReport } from './field-report-scope'
import { toFieldReportDto } from './field-report-dto'
import { decodeCursor, encodeCursor } from '../../time-cursor'
import {
  findPhotosOfReports,
  findReportById,
  listReportsForStaff,
  listVolunteerReports,
  type FieldReportRow,
  type StaffReportFilter,
} from './field-reports.repository'


export async function loadFieldReport(ctx: AppContext, row: FieldReportRow): Promise<FieldReport> {
  const photos = await findPhotosOfReports(ctx.db, [row.id])
  return toFieldReportDto(ctx, row, photos.get(row.id) ?? [])
}

async function toDtos(ctx: AppContext, rows: readonly FieldReportRow[]): Promise<FieldReport[]> {
  const photos = await findPhotosOfReports(
    ctx.db,
    rows.map((row) => row.id),
  )
  return Promise.all(rows.map((row) => toFieldReportDto(ctx, row, photos.get(row.id) ?? [])))
}

function page<T extends FieldReportRow>(rows: T[], limit: number) {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null
  return { items, nextCursor }
}

export async function myFieldReports(ctx: AppContext, volunteer: AuthUser, query: { cursor?: string; limit?: number }): Promise<FieldReportListResponse> {
  const limit = query.limit ?? 20
  const rows = await listVolunteerReports(ctx.db, volunteer.id, (query.cursor ? decodeCursor(query.cursor) : null), limit)
  const { items, nextCursor } = page(rows, limit)
  return { items: await toDtos(ctx, items), nextCursor }
}

/**
 * Its volunteer and the staff of the organization it belongs to (and above); for anyone else
 * (another volunteer, a sibling county) the report does not exist.
 */
export async function fieldReportFor(ctx: AppContext, viewer: AuthUser, id: string): Promise<FieldReport> {
  const row = await findReportById(ctx.db, id)
  if (!row || !(row.volunteer_id === viewer.id || (viewer.role === 'staff' && seesFieldReport(await staffScope(ctx.db, viewer.id), row)))) throw notFound()
  return loadFieldReport(ctx, row)
}

/** China dates (inclusive) to the ISO instants that bound them; only the reports this staff member's organization reviews. */
export async function staffFilter(ctx: AppContext, staff: AuthUser, query: Omit<StaffFieldReportsQuery, 'cursor' | 'limit'>): Promise<StaffReportFilter> {
  return {
    visible: fieldReportsVisibleTo(await staffScope(ctx.db, staff.id)),
    category: query.category,
    status: query.status,
    region: query.region?.trim() || undefined,
    observedFrom: query.from ? chinaMidnight(query.from).toISOString() : undefined,
    observedTo: query.to ? new Date(chinaMidnight(query.to).getTime() + DAY_MS).toISOString() : undefined,
  }
}

export async function withVolunteers(ctx: AppContext, rows: readonly FieldReportRow[]): Promise<StaffFieldReport[]> {
  const volunteerIds = [...new Set(rows.map((row) => row.volunteer_id))]
  const [dtos, identities, users] = await Promise.all([
    toDtos(ctx, rows),
    volunteerIdentities(ctx.db, volunteerIds),
    volunteerIds.length === 0
      ? Promise.resolve([])
      : ctx.db.selectFrom('users').select(['id', 'display_name', 'phone']).where('id', 'in', volunteerIds).execute(),
  ])
  const userById = new Map(users.map((user) => [user.id, user]))
  return dtos.map((dto, index) => {
    const volunteerId = rows[index]!.volunteer_id
    const identity = identities.get(volunteerId)
    const user = userById.get(volunteerId)
    return {
      ...dto,
      volunteer: { id: volunteerId, name: identity?.name || user?.display_name || '', phone: identity?.phone || user?.phone || null },
    }
  })
}

export async function staffFieldReports(ctx: AppContext, staff: AuthUser, query: StaffFieldReportsQuery): Promise<StaffFieldReportListResponse> {
  const limit = query.limit ?? 30
  const rows = await listReportsForStaff(ctx.db, await staffFilter(ctx, staff, query), (query.cursor ? decodeCursor(query.cursor) : null), limit)
  const { items, nextCursor } = page(rows, limit)
  return { items: await withVolunteers(ctx, items), nextCursor }
}
