import { useRouter } from '@tarojs/taro'
import { ResultView } from '@/features/complaints/detail/result-view'
import { GroupOffer } from '@/features/groups'
import '@/features/complaints/filing/filing.css'

export default function ComplaintResultPage() {
  const { id, merged } = useRouter().params
  return <ResultView complaintId={id} merged={merged === '1'} aside={<GroupOffer complaintId={id} />} />
}
