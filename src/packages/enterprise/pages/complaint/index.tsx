import { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/features/auth'
import { WorkDetail } from '@/features/complaints/handling/work-detail'
import { RoomEntry } from '@/features/mediation'
import { WorkspaceShell } from '@/features/workspace'
import '@/features/complaints/filing/filing.css'

export default function EnterpriseComplaintPage() {
  const userId = useSessionStore((s) => s.user?.id ?? '')
  const { params } = useRouter()
  return (
    <WorkspaceShell role='enterprise' title='处理投诉' compact>
      <WorkDetail complaintId={params.id} role='enterprise' userId={userId} />
      <RoomEntry complaintId={params.id} />
    </WorkspaceShell>
  )
}
