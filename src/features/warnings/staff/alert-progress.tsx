import { Text, View } from '@tarojs/components'
import type { WarningAlertProgress } from '../api/warning-types'

/** 已通知 N / M: how far telling every reader about an urgent warning has got. */
export function AlertProgress({ progress }: { progress: WarningAlertProgress }) {
  const text = progress.finished
    ? `紧急提醒已全部发出：已通知 ${progress.notified} 人`
    : progress.total === null
      ? '紧急提醒排队中，马上开始通知读者…'
      : `紧急提醒发送中：已通知 ${progress.notified} / ${progress.total} 人`
  return (
    <View className='staff-editor__status' role='status' aria-live='polite'>
      <Text>{text}</Text>
    </View>
  )
}
