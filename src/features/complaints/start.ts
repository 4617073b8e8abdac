import Taro from '@tarojs/taro'
import { uuid } from '@/lib/uuid'
import { stepUrl } from './filing/navigation'

/** Step 1 of a new complaint, with the id its draft will be saved under. */
export function newComplaintUrl(): string {
  return stepUrl(1, uuid())
}

/** Opens step 1 of a new complaint (the draft is saved on the device from the first thing typed). */
export function startComplaint() {
  return Taro.navigateTo({ url: newComplaintUrl() })
}

/** Continues an unfinished draft where it was left. */
export function continueDraft(draft: { id: string; step: number }) {
  return Taro.navigateTo({ url: stepUrl(Math.min(Math.max(draft.step, 1), 5), draft.id) })
}

export function openComplaint(id: string) {
  return Taro.navigateTo({ url: `/packages/complaint/pages/detail/index?id=${encodeURIComponent(id)}` })
}

/** Taro.eventCenter topic: a draft was deleted outside the filing pages (e.g. from the list). */
export const DRAFT_DELETED_EVENT = 'complaint-draft-deleted'
