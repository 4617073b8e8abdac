import { View } from '@tarojs/components'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { LawyerWorkspace } from '@/features/lawyers'
import { LawyerAid } from '@/features/legal-aid'

/** 律师工作台: for lawyers of an association's team (others are told why they cannot enter): questions, then legal aid. */
export default function LawyerWorkspacePage() {
  const user = useSessionStore((s) => s.user)
  return (
    <View className='page'>
      {user ? (
        <>
          <LawyerWorkspace />
          <LawyerAid />
        </>
      ) : (
        <LoginPrompt reason='律师团的律师登录后进入工作台' />
      )}
    </View>
  )
}
