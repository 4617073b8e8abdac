import { Text, View } from '@tarojs/components'
import type { DueKind } from '@/contract/complaint-workflow'
import { deadlineWords } from './deadline'
import './handling.css'

/** 企业答复期限：12月5日前 · 还剩 3 天 (red when overdue). Nothing when there is no deadline. */
export function DeadlineLine({ dueAt, dueKind, overdue }: { dueAt: string | null; dueKind: DueKind | null; overdue: boolean }) {
  const words = deadlineWords(dueAt, dueKind, overdue)
  if (!words) return null
  return (
    <View className={`deadline ${words.overdue ? 'deadline--late' : ''}`}>
      <Text className='deadline__title'>{words.title}</Text>
      <Text className='deadline__left'>{words.left}</Text>
    </View>
  )
}
