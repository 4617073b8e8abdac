import { ContactStep } from '@/features/complaints/filing/steps/contact-step'
import { FilingPage } from '../../components/filing-page'

/** 我要投诉 · 联系方式 */
export default function ContactStepPage() {
  return <FilingPage step={ContactStep} />
}
