import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { AgreementSigning } from '@/features/mediation-agreements'
import '@/features/complaints/filing/filing.css'

export default function AgreementSignPage() {
  const user = useSessionStore((s) => s.user)
  const { params } = useRouter()
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以阅读和签署调解协议书' />
      </View>
    )
  }
  return <AgreementSigning complaintId={params.id ?? ''} />
}
