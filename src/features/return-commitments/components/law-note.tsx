import { Text, View } from '@tarojs/components'
import { RETURN_LAW } from '@/contract/return-commitment'

/** Why a store's promise matters: online returns are the law, in a shop it is the store's own promise. */
export function LawNote() {
  return (
    <View className='rc-law'>
      <Text className='rc-law__text'>{RETURN_LAW.text}</Text>
      <Text className='muted rc-law__source'>
        依据：{RETURN_LAW.article}
        {RETURN_LAW.verified ? '（已对照法条文本核对）' : '（尚未核对原文）'}
      </Text>
    </View>
  )
}
