import { useRouter } from '@tarojs/taro'
// Imported by path, not through the feature's index, so the directory subpackage does not pull it in.
import { EnterpriseEditor } from '@/features/enterprises/management/enterprise-editor'
import { WorkspaceShell } from '@/features/workspace'
import '@/features/complaints/filing/filing.css'

/** 消协工作台 · 新增或编辑一家企业 */
export default function StaffEnterprisePage() {
  const { params } = useRouter()
  return (
    <WorkspaceShell role='staff' title={params.id ? '编辑企业' : '新增企业'} compact>
      <EnterpriseEditor enterpriseId={params.id} />
    </WorkspaceShell>
  )
}
