import type { StaffQueueQuery, WorkItem, WorkQueueResponse } from '../../../../src/contract/complaint-actions'
import { isOpen } from '../../../../src/contract/complaint-status'
import type { AppContext } from '../../context'
import type { AuthUser } from '../auth/auth.service'
import { toComplaintSummary } from '../complaints/complaint-dto'
import { listEnterpriseComplaints, listStaffComplaints, type WorkItemRow } from './workflow.repository'

function toWorkItem(row: WorkItemRow): WorkItem {
  return {
    ...toComplaintSummary(row),
    dueAt: row.due_at,
    dueKind: row.due_kind,
    overdue: row.overdue_at !== null,
    assignedStaffId: row.assigned_staff_id,
  }
}

/**
 * Open complaints first, the nearest deadline first among them, then those without one; sorted
 * here because SQLite and PostgreSQL place nulls differently.
 */
function byUrgency(a: WorkItem, b: WorkItem): number {
  const open = Number(isOpen(b.status)) - Number(isOpen(a.status))
  if (open !== 0) return open
  if (a.dueAt !== b.dueAt) return a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt < b.dueAt ? -1 : 1
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0
}

export async function enterpriseInbox(ctx: AppContext, liaison: AuthUser): Promise<WorkQueueResponse> {
  const rows = liaison.enterpriseId ? await listEnterpriseComplaints(ctx.db, liaison.enterpriseId) : []
  return { items: rows.map(toWorkItem).sort(byUrgency) }
}

export async function staffQueue(ctx: AppContext, staff: AuthUser, query: StaffQueueQuery): Promise<WorkQueueResponse> {
  const rows = await listStaffComplaints(ctx.db, { status: query.status, assignedTo: query.assigned === 'me' ? staff.id : undefined })
  return { items: rows.map(toWorkItem).sort(byUrgency) }
}
