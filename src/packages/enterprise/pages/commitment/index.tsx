import { EnterpriseCommitments } from '@/features/return-commitments'
import { WorkspaceShell } from '@/features/workspace'

/** 企业处理台 › 线下无理由退货承诺: sign for a store, record the returns it honoured each month. */
export default function EnterpriseCommitmentPage() {
  return (
    <WorkspaceShell role='enterprise' title='线下无理由退货承诺' compact>
      <EnterpriseCommitments />
    </WorkspaceShell>
  )
}
