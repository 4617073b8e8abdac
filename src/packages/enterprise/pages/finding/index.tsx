import { useRouter } from '@tarojs/taro'
import { EnterpriseFindings } from '@/features/bad-faith-findings/components/enterprise-findings'
import { WorkspaceShell } from '@/features/workspace'

/** 失信认定与申辩: opened from the notice, or the card on the enterprise workspace. */
export default function EnterpriseFindingPage() {
  const { params } = useRouter()
  return (
    <WorkspaceShell role='enterprise' title='失信认定与申辩' compact>
      <EnterpriseFindings focusId={params.id} />
    </WorkspaceShell>
  )
}
