import { FactsStep } from '@/features/complaints/filing/steps/facts-step'
import { FilingPage } from '../../components/filing-page'

/** 我要投诉 · 发生了什么 */
export default function FactsStepPage() {
  return <FilingPage step={FactsStep} />
}
