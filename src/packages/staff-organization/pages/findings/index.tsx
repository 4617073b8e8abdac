import { FindingsBoard } from '@/features/alliance-findings'
import { WorkspaceShell } from '@/features/workspace'

/** 联盟: findings shared across the alliances of the caller's organization. */
export default function AllianceFindingsPage() {
  return (
    <WorkspaceShell role='staff' title='联盟共享发现'>
      <FindingsBoard />
    </WorkspaceShell>
  )
}
