import dayjs from 'dayjs'
import type { WorkItem } from '@/contract/complaint-actions'
import { DUE_KIND_LABELS, type DueKind } from '@/contract/complaint-workflow'

export interface DeadlineWords {
  /** e.g. 企业答复期限：12月5日前 */
  title: string
  /** e.g. 还剩 3 天 / 今天到期 / 已超期 2 天 */
  left: string
  overdue: boolean
}

/**
 * A step's deadline in plain words. The server sets `dueAt` in China working days; the countdown
 * here counts calendar days (天, not 工作日), which is what a person checks on a calendar.
 */
export function deadlineWords(dueAt: string | null, dueKind: DueKind | null, overdue: boolean, now = dayjs()): DeadlineWords | null {
  if (!dueAt) return null
  const due = dayjs(dueAt)
  const days = due.startOf('day').diff(now.startOf('day'), 'day')
  const late = overdue || due.isBefore(now)
  const title = `${dueKind ? DUE_KIND_LABELS[dueKind] : '期限'}：${due.format('M月D日')}前`
  if (late) return { title, left: days < 0 ? `已超期 ${-days} 天` : '已超期', overdue: true }
  return { title, left: days === 0 ? '今天到期' : `还剩 ${days} 天`, overdue: false }
}

/** Nearest deadline first; complaints without one last. */
export function byDeadline(a: WorkItem, b: WorkItem): number {
  if (a.dueAt === b.dueAt) return a.createdAt < b.createdAt ? -1 : 1
  if (!a.dueAt) return 1
  if (!b.dueAt) return -1
  return a.dueAt < b.dueAt ? -1 : 1
}
