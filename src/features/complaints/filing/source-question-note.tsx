import { Text, View } from '@tarojs/components'

/** On a draft made with 一键投诉: where it came from and what was carried over. */
export function SourceQuestionNote({ sessionTitle }: { sessionTitle: string }) {
  return (
    <View className='card filing-source' aria-label='来自律师答疑'>
      <Text className='filing-source__title'>来自律师答疑 {sessionTitle}</Text>
      <Text className='filing-source__text'>商家、您的问题和照片已经带入（照片不用重新上传）。请核对、补全后再提交，提交前都可以修改。</Text>
    </View>
  )
}
