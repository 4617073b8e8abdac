import { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/features/auth'
import { WorkDetail } from '@/features/complaints/handling/work-detail'
import { RoomEntry } from '@/features/mediation'
import { AgreementCard } from '@/features/mediation-agreements'
import { WorkspaceShell } from '@/features/workspace'
import { ComplaintCommitment } from '@/features/return-commitments/components/complaint-commitment'
import '@/features/complaints/filing/filing.css'

export default function EnterpriseComplaintPage() {
  const userId = useSessionStore((s) => s.user?.id ?? '')
  const { params } = useRouter()
  return (
    <WorkspaceShell role='enterprise' title='处理投诉' compact>
      {params.id && <AgreementCard complaintId={params.id} />}
      <WorkDetail complaintId={params.id} role='enterprise' userId={userId} />
      <ComplaintCommitment complaintId={params.id} />
      <RoomEntry complaintId={params.id} />
    </WorkspaceShell>
  )
}
