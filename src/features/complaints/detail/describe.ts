import dayjs from 'dayjs'
import type { ComplaintDetail, ComplaintEvent } from '@/contract/complaint'
import { COMPLAINT_EVENT_LABELS } from '@/contract/complaint-events'
import { COMPLAINT_STATUS_LABELS } from '@/contract/complaint-status'
import { MOVE_EVENT_LABELS } from '@/contract/complaint-moves'

const EVENT_LABELS: Record<string, string> = { ...COMPLAINT_EVENT_LABELS, ...MOVE_EVENT_LABELS }

/** Who is reading the timeline: the consumer who filed, the enterprise's liaison or the association's staff. */
export type Viewer = 'consumer' | 'enterprise' | 'staff'

/** Who did it: 您 only for the consumer reading their own complaint; everyone else reads 消费者. */
export function actorLabel(role: ComplaintEvent['actorRole'], viewer: Viewer): string {
  switch (role) {
    case 'consumer':
      return viewer === 'consumer' ? '您' : '消费者'
    case 'enterprise':
      return '企业'
    case 'staff':
      return '消协'
    case 'volunteer':
      return '志愿者'
    default:
      return '系统'
  }
}

export function eventTitle(event: ComplaintEvent): string {
  if (event.type === 'status_changed' && event.toStatus) return COMPLAINT_STATUS_LABELS[event.toStatus]
  return EVENT_LABELS[event.type] ?? event.type
}

export function when(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日 HH:mm')
}

export function nextStepLine(nextStep: ComplaintDetail['nextStep']): string | null {
  if (!nextStep) return null
  return nextStep.dueAt ? `${nextStep.text}（${dayjs(nextStep.dueAt).format('YYYY年M月D日')}前）` : nextStep.text
}

/**
 * When an accepted proposal is due, in calendar days (the enterprise promised a date, not working
 * days): 2026年12月10日前做到 · 还有 7 天 / 今天到期 / 已过 2 天. `today` is YYYY-MM-DD in China time.
 */
export function promiseDueLine(promisedDate: string, today: string): string {
  const [y, m, d] = promisedDate.split('-').map(Number)
  const days = Math.round((Date.parse(`${promisedDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
  const left = days > 0 ? `还有 ${days} 天` : days === 0 ? '今天到期' : `已过 ${-days} 天`
  return `${y}年${m}月${d}日前做到 · ${left}`
}
