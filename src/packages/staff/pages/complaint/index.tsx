import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { MatchingFindings } from '@/features/alliance-findings'
import { useSessionStore } from '@/features/auth'
import { WorkDetail } from '@/features/complaints/handling/work-detail'
import { RoomEntry } from '@/features/mediation'
import { AgreementCard } from '@/features/mediation-agreements'
import { CourtCard } from '@/features/court'
import { PerformanceHandling } from '@/features/performance'
import { StaffPublicationPanel } from '@/features/published-cases/components/staff-publication-panel'
import { MovedAway, MoveCase } from '@/features/organizations'
import { WorkspaceShell } from '@/features/workspace'
import { ComplaintCommitment } from '@/features/return-commitments/components/complaint-commitment'
import '@/features/complaints/filing/filing.css'

export default function StaffComplaintPage() {
  const userId = useSessionStore((s) => s.user?.id ?? '')
  const { params } = useRouter()
  // A move (移送/交办/提级) changes status, deadline and holder: the detail reads the case again,
  // unless the case left the mover's organization (then they may no longer open it).
  const [moves, setMoves] = useState(0)
  const [gone, setGone] = useState<string | null>(null)
  return (
    <WorkspaceShell role='staff' title='处理投诉' compact>
      {gone ? (
        <MovedAway organizationName={gone} />
      ) : (
        <WorkDetail key={moves} complaintId={params.id} role='staff' userId={userId} />
      )}
      {params.id && !gone && <ComplaintCommitment key={`commitment-${moves}`} complaintId={params.id} />}
      {params.id && !gone && <MatchingFindings key={`findings-${moves}`} complaintId={params.id} />}
      {params.id && !gone && <RoomEntry key={`room-${moves}`} complaintId={params.id} />}
      {params.id && !gone && <PerformanceHandling key={`performance-${moves}`} complaintId={params.id} />}
      {params.id && !gone && <AgreementCard key={`agreement-${moves}`} complaintId={params.id} staff />}
      {params.id && !gone && <CourtCard key={`court-${moves}`} complaintId={params.id} staff />}
      {params.id && !gone && <StaffPublicationPanel key={`publication-${moves}`} complaintId={params.id} />}
      {params.id && !gone && (
        <MoveCase
          complaintId={params.id}
          onMoved={(detail, stillVisible) => {
            if (stillVisible) return setMoves((n) => n + 1)
            setGone(detail.organization?.name ?? '其他组织')
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
          }}
        />
      )}
    </WorkspaceShell>
  )
}
