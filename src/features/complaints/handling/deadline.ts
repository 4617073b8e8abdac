import dayjs from 'dayjs'
import { DUE_KIND_LABELS, type DueKind } from '@/contract/complaint-workflow'

/** What the server says about the current step's deadline (WorkItem and ComplaintDetail.handling). */
export interface Deadline {
  dueAt: string | null
  dueKind: DueKind | null
  overdue: boolean
  /** Whether the step counts working days or calendar days (the case's rules say). */
  dueDayKind?: 'working' | 'calendar' | null
  dueDaysLeft: number | null
  overdueDays: number | null
  /** ComplaintDetail.handling: the testing/appraisal pause, if the clock is stopped. */
  clockPaused?: { since: string; reason: string } | null
  /** WorkItem: since when the clock is stopped. */
  clockPausedAt?: string | null
}

export interface DeadlineWords {
  /** e.g. 企业答复期限：12月5日前 */
  title: string
  /** e.g. 剩余 3 个工作日 / 剩余 40 天 / 今天到期 / 已超期 2 个工作日 */
  left: string
  overdue: boolean
  /** The clock is stopped for a testing/appraisal (检测、鉴定); the date moves on when it resumes. */
  paused: boolean
}

/**
 * A step's deadline in plain words. The countdown comes from the server, which counts China
 * working days (weekends, public holidays and 调休 make-up days) or calendar days, as the case's
 * rules count the step; the app never counts days itself.
 */
export function deadlineWords(deadline: Deadline): DeadlineWords | null {
  const { dueAt, dueKind, overdue, dueDaysLeft, overdueDays } = deadline
  if (!dueAt) return null
  const unit = deadline.dueDayKind === 'calendar' ? '天' : '个工作日'
  const label = dueKind ? DUE_KIND_LABELS[dueKind] : '期限'
  if (deadline.clockPaused || deadline.clockPausedAt) {
    const left = dueDaysLeft ? `暂停时剩余 ${dueDaysLeft} ${unit}，恢复后期限顺延` : '恢复计时后期限顺延'
    return { title: `${label}：计时已暂停（检测鉴定）`, left, overdue: false, paused: true }
  }
  const title = `${label}：${dayjs(dueAt).format('M月D日')}前`
  if (overdue) return { title, left: overdueDays ? `已超期 ${overdueDays} ${unit}` : '已超期', overdue: true, paused: false }
  return { title, left: dueDaysLeft ? `剩余 ${dueDaysLeft} ${unit}` : '今天到期', overdue: false, paused: false }
}
