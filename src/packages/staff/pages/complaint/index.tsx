import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/features/auth'
import { WorkDetail } from '@/features/complaints/handling/work-detail'
import { MoveCase } from '@/features/organizations'
import { WorkspaceShell } from '@/features/workspace'
import '@/features/complaints/filing/filing.css'

export default function StaffComplaintPage() {
  const userId = useSessionStore((s) => s.user?.id ?? '')
  const { params } = useRouter()
  // A move (移送/交办/提级) changes status, deadline and holder: the detail reads the case again.
  const [moves, setMoves] = useState(0)
  return (
    <WorkspaceShell role='staff' title='处理投诉' compact>
      <WorkDetail key={moves} complaintId={params.id} role='staff' userId={userId} />
      {params.id && <MoveCase complaintId={params.id} onMoved={() => setMoves((n) => n + 1)} />}
    </WorkspaceShell>
  )
}
