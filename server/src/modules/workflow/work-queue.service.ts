import type { StaffQueueQuery, WorkItem, WorkQueueQuery, WorkQueueResponse } from '../../../../src/contract/complaint-actions'
import type { AppContext } from '../../context'
import type { AuthUser } from '../auth/auth.service'
import { deadlineFields, toComplaintSummary } from '../complaints/complaint-dto'
import { organizationNames } from '../organizations/organizations.service'
import { complaintsHeldBy, staffScope } from '../organizations/organization-scope'
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor'
import { rulesOfComplaint, type CaseRules } from '../rules/rule-sets.service'
import { listEnterpriseComplaints, listStaffComplaints, NO_DUE, type WorkItemRow } from './workflow.repository'

const DEFAULT_LIMIT = 20

function toWorkItem(row: WorkItemRow, now: Date, names: ReadonlyMap<string, string>, rules: CaseRules): WorkItem {
  return {
    ...toComplaintSummary(row),
    ...deadlineFields(row, now, rules),
    assignedStaffId: row.assigned_staff_id,
    clockPausedAt: row.clock_paused_at,
    organizationName: row.organization_id ? (names.get(row.organization_id) ?? null) : null,
    courtReferral: row.court_case_number && row.court_deadline ? { caseNumber: row.court_case_number, deadline: row.court_deadline } : null,
  }
}

/** Fetches one more row than shown to know whether another page follows. */
async function toPage(ctx: AppContext, limit: number, fetch: (limit: number) => Promise<WorkItemRow[]>): Promise<WorkQueueResponse> {
  const rows = await fetch(limit + 1)
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
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
  return toPage(ctx, query.limit ?? DEFAULT_LIMIT, (limit) => listStaffComplaints(ctx.db, filter, after, limit))
}
