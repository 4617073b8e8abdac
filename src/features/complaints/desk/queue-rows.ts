import type { ComplaintDetail } from '@/contract/complaint'
import type { WorkItem } from '@/contract/complaint-actions'
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '@/contract/complaint-status'

/** A queue row at the desk; `organizationName` (所属机构) is the organization holding the case now. */
export type QueueRow = WorkItem

export type SortKey = 'number' | 'business' | 'status' | 'deadline' | 'assignee' | 'organization'
export interface Sort {
  key: SortKey
  direction: 'asc' | 'desc'
}

export interface RowFilter {
  overdueOnly: boolean
  /** Part of a case number or a business name, as typed. */
  text: string
}

const STATUS_ORDER = Object.keys(COMPLAINT_STATUS_LABELS) as ComplaintStatus[]
const collator = new Intl.Collator('zh-Hans-CN')

/** Who handles a case, in words: 我, a colleague's name, or 未分配. */
export function assigneeName(row: Pick<WorkItem, 'assignedStaffId'>, userId: string, names: ReadonlyMap<string, string>): string {
  if (!row.assignedStaffId) return '未分配'
  if (row.assignedStaffId === userId) return '我'
  return names.get(row.assignedStaffId) ?? '其他同事'
}

/** The loaded rows that pass the filter (overdue, number or business), in the chosen order; no sort keeps the server's order. */
export function visibleRows(rows: readonly QueueRow[], filter: RowFilter, sort: Sort | null, assignee: (row: QueueRow) => string): QueueRow[] {
  const text = filter.text.trim().toUpperCase()
  const shown = rows.filter((row) => (!filter.overdueOnly || row.overdue) && (!text || row.number.includes(text) || row.businessName.toUpperCase().includes(text)))
  if (!sort) return shown
  const sign = sort.direction === 'asc' ? 1 : -1
  const compare = (a: QueueRow, b: QueueRow): number => {
    switch (sort.key) {
      case 'number':
        return a.number < b.number ? -1 : a.number > b.number ? 1 : 0
      case 'business':
        return collator.compare(a.businessName, b.businessName)
      case 'status':
        return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
      case 'deadline':
        // Cases without a deadline go last whichever way the column is sorted.
        if (!a.dueAt || !b.dueAt) return 0
        return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0
      case 'assignee':
        return collator.compare(assignee(a), assignee(b))
      case 'organization':
        return collator.compare(a.organizationName ?? '', b.organizationName ?? '')
    }
  }
  const missing = (row: QueueRow) => (sort.key === 'deadline' && !row.dueAt) || (sort.key === 'organization' && !row.organizationName)
  // Array.prototype.sort is stable: ties keep the server's order.
  return [...shown].sort((a, b) => Number(missing(a)) - Number(missing(b)) || sign * compare(a, b))
}

/** Next sort when a column title is pressed: ascending, descending, then back to the server's order. */
export function nextSort(current: Sort | null, key: SortKey): Sort | null {
  if (current?.key !== key) return { key, direction: 'asc' }
  return current.direction === 'asc' ? { key, direction: 'desc' } : null
}

/** A row as it stands after an action answered with the case. */
export function rowAfter(row: QueueRow, complaint: ComplaintDetail): QueueRow {
  const { dueAt, dueKind, dueDayKind, overdue, dueDaysLeft, overdueDays, assignedStaffId } = complaint.handling
  const organizationName = complaint.organization === undefined ? row.organizationName : (complaint.organization?.name ?? null)
  return { ...row, status: complaint.status, dueAt, dueKind, dueDayKind, overdue, dueDaysLeft, overdueDays, assignedStaffId, organizationName, updatedAt: complaint.updatedAt }
}
