import type { StaffQueueQuery, WorkItem, WorkQueueQuery, WorkQueueResponse } from '../../../../src/contract/complaint-actions'
import type { AppContext } from '../../context'
import type { AuthUser } from '../auth/auth.service'
import { deadlineFields, toComplaintSummary } from '../complaints/complaint-dto'
import { organizationNames } from '../organizations/organizations.service'
import { complaintsHeldBy, staffScope } from '../organizations/organization-scope'
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor'
import { rulesOfComplaint, type CaseRules } from '../rules/rule-sets.service'
import { isOpen } from '../../../../src/contract/complaint-status'
import { listEnterpriseComplaints, listStaffComplaints, NO_DUE, priorityLaneQuery, type WorkItemRow } from './workflow.repository'

const DEFAULT_LIMIT = 20

function toWorkItem(row: WorkItemRow, now: Date, names: ReadonlyMap<string, string>, rules: CaseRules): WorkItem {
  return {
    ...toComplaintSummary(row),
    ...deadlineFields(row, now, rules),
    assignedStaffId: row.assigned_staff_id,
    clockPausedAt: row.clock_paused_at,
    organizationName: row.organization_id ? (names.get(row.organization_id) ?? null) : null,
    courtReferral: row.court_case_number && row.court_deadline ? { caseNumber: row.court_case_number, deadline: row.court_deadline } : null,
    priority: Number(row.queue_priority) === 1,
  }
}

/** Fetches one more row than shown to know whether another page follows. */
async function toPage(
  ctx: AppContext,
  limit: number,
  fetch: (limit: number) => Promise<WorkItemRow[]>,
  lane?: { front: WorkItemRow[]; hide: (row: WorkItemRow) => boolean },
): Promise<WorkQueueResponse> {
  const rows = await fetch(limit + 1)
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  // The front lane's complaints lead the first page and are left out of their usual place.
  const shown = lane ? [...lane.front, ...page.filter((row) => !lane.hide(row))] : page
  const now = ctx.now()
  const names = await organizationNames(ctx.db, shown.map((row) => row.organization_id))
  // A page holds a handful of rule set versions at most, each parsed once per process.
  const rules = await Promise.all(shown.map((row) => rulesOfComplaint(ctx, ctx.db, row)))
  return {
    items: shown.map((row, i) => toWorkItem(row, now, names, rules[i]!)),
    nextCursor:
      rows.length > limit && last
        ? encodeQueueCursor({ rank: Number(last.queue_rank), due: last.due_at ?? NO_DUE, createdAt: last.created_at, id: last.id })
        : null,
  }
}

/** Open complaints first, the nearest deadline first among them, then those without one. */
export async function enterpriseInbox(ctx: AppContext, liaison: AuthUser, query: WorkQueueQuery): Promise<WorkQueueResponse> {
  const enterpriseId = liaison.enterpriseId
  if (!enterpriseId) return { items: [], nextCursor: null }
  const after = query.cursor ? decodeQueueCursor(query.cursor) : null
  return toPage(ctx, query.limit ?? DEFAULT_LIMIT, (limit) => listEnterpriseComplaints(ctx.db, enterpriseId, after, limit))
}

export async function staffQueue(ctx: AppContext, staff: AuthUser, query: StaffQueueQuery): Promise<WorkQueueResponse> {
  const after = query.cursor ? decodeQueueCursor(query.cursor) : null
  const visible = complaintsHeldBy(await staffScope(ctx.db, staff.id))
  const filter = { status: query.status, assignedTo: query.assigned === 'me' ? staff.id : undefined, visible }
  const fetch = (limit: number) => listStaffComplaints(ctx.db, filter, after, limit)
  // Refused returns at committed stores (线下无理由退货承诺) come first among open complaints.
  if (query.status && !isOpen(query.status)) return toPage(ctx, query.limit ?? DEFAULT_LIMIT, fetch)
  const front = after ? [] : await priorityLaneQuery(ctx.db, filter).execute()
  const hide = (row: WorkItemRow) => Number(row.queue_priority) === 1 && Number(row.queue_rank) === 0
  return toPage(ctx, query.limit ?? DEFAULT_LIMIT, fetch, { front, hide })
}
