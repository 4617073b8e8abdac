// Imported by path, not through the feature's index, so the directory subpackage does not pull it in.
import { EnterpriseList } from '@/features/enterprises/management/enterprise-list'
import { WorkspaceShell } from '@/features/workspace'
import '@/features/complaints/filing/filing.css'

/** 消协工作台 · 企业和联络员 */
export default function StaffEnterprisesPage() {
  return (
    <WorkspaceShell role='staff' title='企业和联络员' compact>
      <EnterpriseList />
    </WorkspaceShell>
  )
}
