import { randomUUID } from 'node:crypto'
import { ASSOCIATION_NAME, type AccessKind, type AccessLogEntry, type AccessLogQuery, type AccessLogResponse, type ComplaintViewer } from '../../../../src/contract/access-log'
import { ROLE_LABELS } from '../../../../src/contract/roles'
import type { AppContext } from '../../context'
import { chinaDate, chinaMidnight, DAY_MS } from '../../china-time'
import { badRequest, forbidden } from '../../errors'
import { decodeCursor, encodeCursor } from '../../time-cursor'
import type { AuthUser } from '../auth/auth.service'
import { insertAccessRecord, listAccessRecords } from './access-log.repository'

const DEFAULT_PAGE_SIZE = 50
/** The consumer's "谁查看过" shows the latest reads only. */
const VIEWERS_SHOWN = 50

/**
 * Notes that staff or a liaison read a consumer's personal details: one insert in the request that
 * reads them. Consumers reading their own complaint and volunteers their own reports are not recorded.
 */
export async function recordAccess(ctx: AppContext, user: AuthUser, what: AccessKind, complaintId: string | null): Promise<void> {
  if (user.role !== 'staff' && user.role !== 'enterprise') return
  await insertAccessRecord(ctx.db, {
    id: randomUUID(),
    actor_id: user.id,
    actor_role: user.role,
    organization_id: user.role === 'enterprise' ? user.enterpriseId : null,
    what,
    complaint_id: complaintId,
    created_at: ctx.now().toISOString(),
  })
}

/** A person's copy of their own data was written (data export): recorded whatever their role. */
export async function recordOwnExport(ctx: AppContext, person: { id: string; role: AuthUser['role']; enterpriseId: string | null }): Promise<void> {
  await insertAccessRecord(ctx.db, {
    id: randomUUID(),
    actor_id: person.id,
    actor_role: person.role,
    organization_id: person.role === 'enterprise' ? person.enterpriseId : null,
    what: 'export',
    complaint_id: null,
    created_at: ctx.now().toISOString(),
  })
}

/**
 * Whose reads this user may see. Today every staff member is an admin of the one association and sees
 * all of them; when organizations arrive, this is the one place to narrow it to the user's own.
 */
export function accessLogScope(user: AuthUser): { kind: 'all' } | null {
  return user.role === 'staff' ? { kind: 'all' } : null
}

/** When a China calendar day begins; a date that does not exist (2026-02-30) is refused. */
function dayStart(date: string): string {
  const start = chinaMidnight(date)
  if (Number.isNaN(start.getTime()) || chinaDate(start) !== date) throw badRequest('VALIDATION_FAILED', `日期 ${date} 不存在，请重新选择`)
  return start.toISOString()
}

export async function listAccessLog(ctx: AppContext, user: AuthUser, query: AccessLogQuery): Promise<AccessLogResponse> {
  if (!accessLogScope(user)) throw forbidden('只有消协管理员可以查看访问记录')
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  let complaintId = query.complaintId
  if (query.complaintNumber !== undefined) {
    const complaint = await ctx.db.selectFrom('complaints').select('id').where('number', '=', query.complaintNumber.trim().toUpperCase()).executeTakeFirst()
    // An unknown number, or one that names another case than complaintId: nothing was read of it.
    if (!complaint || (complaintId !== undefined && complaintId !== complaint.id)) return { items: [], nextCursor: null }
    complaintId = complaint.id
  }
  const rows = await listAccessRecords(ctx.db, {
    complaintId,
    actorId: query.actorId,
    since: query.from !== undefined ? dayStart(query.from) : undefined,
    before: query.to !== undefined ? new Date(Date.parse(dayStart(query.to)) + DAY_MS).toISOString() : undefined,
    after: query.cursor ? decodeCursor(query.cursor) : null,
    limit: limit + 1,
  })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map(
      (row): AccessLogEntry => ({
        id: row.id,
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        organizationId: row.organization_id,
        organization: row.organization_name ?? ASSOCIATION_NAME,
        what: row.what,
        complaintId: row.complaint_id,
        complaintNumber: row.complaint_number,
        at: row.created_at,
      }),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  }
}

/** What the consumer sees of the reads of their complaint: a role and an organization, never who. */
export async function complaintViewers(ctx: AppContext, complaintId: string): Promise<ComplaintViewer[]> {
  const rows = await listAccessRecords(ctx.db, { complaintId, after: null, limit: VIEWERS_SHOWN })
  return rows.map((row) => ({
    roleLabel: ROLE_LABELS[row.actor_role],
    organization: row.organization_name ?? ASSOCIATION_NAME,
    what: row.what,
    at: row.created_at,
  }))
}
