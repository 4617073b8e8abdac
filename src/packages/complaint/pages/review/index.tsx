import { requestSubscriptions } from '@/features/notifications'
import { ReviewStep } from '@/features/complaints/filing/steps/review-step'
import type { DraftOwner } from '@/features/complaints/filing/use-open-draft'
import { FilingPage } from '../../components/filing-page'

// Submitting asks (on weapp) whether WeChat may tell the consumer about the complaint's progress.
function ReviewWithProgressMessages(props: { owner: DraftOwner; draftId?: string }) {
  return <ReviewStep {...props} beforeSubmit={requestSubscriptions} />
}

/** 我要投诉 · 核对并提交 */
export default function ReviewStepPage() {
  return <FilingPage step={ReviewWithProgressMessages} />
}
