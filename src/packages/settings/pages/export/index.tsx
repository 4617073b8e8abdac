import { View } from '@tarojs/components'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { DataExportView } from '@/features/data-export'

/** 我的 › 导出我的数据 */
export default function DataExportPage() {
  const user = useSessionStore((s) => s.user)
  return <View className='page'>{user ? <DataExportView /> : <LoginPrompt reason='登录后可以导出您的投诉、消息和照片' />}</View>
}
