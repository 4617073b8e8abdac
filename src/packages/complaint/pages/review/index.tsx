import { ReviewStep } from '@/features/complaints/filing/steps/review-step'
import { FilingPage } from '../../components/filing-page'

/** 我要投诉 · 核对并提交 */
export default function ReviewStepPage() {
  return <FilingPage step={ReviewStep} />
}
