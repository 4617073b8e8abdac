import { StaffDesk } from '@/features/bad-faith-findings/components/staff-desk'
import { WorkspaceShell } from '@/features/workspace'

/** 失信认定: propose, read appeals, decide as the second pair of eyes, lift early. */
export default function CreditFindingsDeskPage() {
  return (
    <WorkspaceShell role='staff' title='失信认定' compact>
      <StaffDesk />
    </WorkspaceShell>
  )
}
