import { useRouter } from '@tarojs/taro'
import { AgreementEditor } from '@/features/mediation-agreements'
import { WorkspaceShell } from '@/features/workspace'
import '@/features/complaints/filing/filing.css'

export default function AgreementDraftPage() {
  const { params } = useRouter()
  return (
    <WorkspaceShell role='staff' title='调解协议书' compact>
      <AgreementEditor complaintId={params.id ?? ''} />
    </WorkspaceShell>
  )
}
