import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { DetailView } from '@/features/complaints/detail/detail-view'
import { RoomEntry } from '@/features/mediation'
import { GroupOffer } from '@/features/groups'
import { AgreementCard } from '@/features/mediation-agreements'
import { CourtCard } from '@/features/court'
import { PerformanceCard } from '@/features/performance'
// The entry only (a link into the lawyers subpackage), not the whole legal-aid feature.
import { LegalAidEntry } from '@/features/legal-aid/components/legal-aid-entry'
import { ConsentPanel } from '@/features/published-cases/components/consent-panel'
import { requestSubscriptions } from '@/features/notifications'
import { ComplaintCommitment } from '@/features/return-commitments/components/complaint-commitment'
import '@/features/complaints/filing/filing.css'

export default function ComplaintDetailPage() {
  const user = useSessionStore((s) => s.user)
  const { params } = useRouter()
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以查看投诉进度' />
      </View>
    )
  }
  return (
    <DetailView
      complaintId={params.id}
      beforeSend={requestSubscriptions}
      aside={
        <>
          <ComplaintCommitment complaintId={params.id} />
          {params.id && <CourtCard complaintId={params.id} />}
          {params.id && <PerformanceCard complaintId={params.id} />}
          {params.id && <ConsentPanel complaintId={params.id} />}
          {params.id && <AgreementCard complaintId={params.id} />}
          {params.id && <LegalAidEntry complaintId={params.id} />}
          <RoomEntry complaintId={params.id} />
          <GroupOffer complaintId={params.id} />
        </>
      }
    />
  )
}
