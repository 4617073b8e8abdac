import { View } from '@tarojs/components'
import { StaffQa } from '@/features/lawyers'

/** 消协工作台 › 律师答疑: team, sessions and publication. */
export default function StaffQaPage() {
  return (
    <View className='page'>
      <StaffQa />
    </View>
  )
}
