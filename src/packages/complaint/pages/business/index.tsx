import { BusinessStep } from '@/features/complaints/filing/steps/business-step'
import { FilingPage } from '../../components/filing-page'

/** 我要投诉 · 被投诉的商家 */
export default function BusinessStepPage() {
  return <FilingPage step={BusinessStep} />
}
