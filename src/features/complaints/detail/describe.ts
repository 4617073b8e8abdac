import dayjs from 'dayjs'
import type { ComplaintDetail, ComplaintEvent } from '@/contract/complaint'
import { COMPLAINT_EVENT_LABELS, COMPLAINT_STATUS_LABELS } from '@/contract/complaint-status'

/** Who did it, in the words the consumer uses: 您 / 企业 / 消协 / 系统. */
export function actorLabel(role: ComplaintEvent['actorRole']): string {
  switch (role) {
    case 'consumer':
      return '您'
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
  return COMPLAINT_EVENT_LABELS[event.type] ?? event.type
}

export function when(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日 HH:mm')
}

export function nextStepLine(nextStep: ComplaintDetail['nextStep']): string | null {
  if (!nextStep) return null
  return nextStep.dueAt ? `${nextStep.text}（${dayjs(nextStep.dueAt).format('YYYY年M月D日')}前）` : nextStep.text
}
