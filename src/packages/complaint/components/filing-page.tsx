import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import type { DraftOwner } from '@/features/complaints/filing/use-open-draft'
import '@/features/complaints/filing/filing.css'

/** Every filing step: needs a signed-in user (the draft is theirs) and the draft id from the URL. */
export function FilingPage({ step: Step }: { step: (props: { owner: DraftOwner; draftId?: string; fromQuestion?: string; commitmentId?: string }) => JSX.Element }) {
  const user = useSessionStore((s) => s.user)
  const { params } = useRouter()
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后才能投诉：照片会上传到您的账号下，草稿也只保存给您自己' />
      </View>
    )
  }
  return <Step owner={{ id: user.id, phone: user.phone }} draftId={params.draft} fromQuestion={params.fromQuestion} commitmentId={params.commitment} />
}
