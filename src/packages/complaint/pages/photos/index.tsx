import { PhotosStep } from '@/features/complaints/filing/steps/photos-step'
import { FilingPage } from '../../components/filing-page'

/** 我要投诉 · 证据照片 */
export default function PhotosStepPage() {
  return <FilingPage step={PhotosStep} />
}
