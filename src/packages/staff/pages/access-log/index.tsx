import { AccessLogView } from '@/features/access-log'
import { WorkspaceShell } from '@/features/workspace'

/** 消协工作台 › 查看记录: for the association's admins (today every staff member). */
export default function StaffAccessLogPage() {
  return (
    <WorkspaceShell role='staff' title='查看记录' compact>
      <AccessLogView />
    </WorkspaceShell>
  )
}
