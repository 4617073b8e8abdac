import { useRouter } from '@tarojs/taro'
import { ResultView } from '@/features/complaints/detail/result-view'
import '@/features/complaints/filing/filing.css'

export default function ComplaintResultPage() {
  return <ResultView complaintId={useRouter().params.id} />
}
