import { StaffWarningList } from '@/features/warnings/staff'
import { WorkspaceShell } from '@/features/workspace'

export default function StaffWarningsPage() {
  return (
    <WorkspaceShell role='staff' title='消费警示管理' compact>
      <StaffWarningList />
    </WorkspaceShell>
  )
}
