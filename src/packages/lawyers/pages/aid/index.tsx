import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { AidRequests } from '@/features/legal-aid'
import { PageState } from '@/components/page-state'

/** 法律援助 on one of the consumer's cases: their requests and a new one (opened from the complaint page). */
export default function LegalAidPage() {
  const user = useSessionStore((s) => s.user)
  const { params } = useRouter()
  if (!user) return <View className='page'><LoginPrompt reason='登录后可以为自己的投诉申请法律援助' /></View>
  if (!params.complaintId) return <View className='page'><PageState kind='empty' title='请从投诉详情进入' description='在“我的投诉”里打开一件投诉，点“申请法律援助”。' /></View>
  return (
    <View className='page'>
      <AidRequests complaintId={params.complaintId} />
    </View>
  )
}
