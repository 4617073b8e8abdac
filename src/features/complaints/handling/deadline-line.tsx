import { Text, View } from '@tarojs/components'
import { deadlineWords, type Deadline } from './deadline'
import './handling.css'

/** 企业答复期限：12月5日前 · 剩余 3 个工作日 (red when overdue). Nothing when there is no deadline. */
export function DeadlineLine({ deadline }: { deadline: Deadline }) {
  const words = deadlineWords(deadline)
  if (!words) return null
  return (
    <View className={`deadline ${words.overdue ? 'deadline--late' : ''}${words.paused ? ' deadline--paused' : ''}`}>
      <Text className='deadline__title'>{words.title}</Text>
      <Text className='deadline__left'>{words.left}</Text>
      {deadline.clockPaused?.reason ? <Text className='deadline__reason'>暂停原因：{deadline.clockPaused.reason}</Text> : null}
    </View>
  )
}
