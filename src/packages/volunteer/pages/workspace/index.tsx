import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useSessionStore } from '@/features/auth'
import { startOutboxSync, syncOutbox } from '@/features/volunteer'
import { OutboxPanel } from '@/features/volunteer/components/outbox-panel'
import { WorkspaceShell } from '@/features/workspace'
import '@/features/volunteer/components/volunteer.css'

// Weapp starts the sender here rather than at launch (main package budget); on H5 it is already running.
startOutboxSync(() => useSessionStore.getState().user?.id ?? null)

export default function VolunteerWorkspacePage() {
  const userId = useSessionStore((s) => s.user?.id)
  // The volunteer may have signed in after app start.
  useDidShow(() => void syncOutbox())
  return (
    <WorkspaceShell role='volunteer' title='志愿者工作台'>
      <Button className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: '/packages/volunteer/pages/report/index' })}>
        新建报告
      </Button>
      <View style={{ height: '24px' }} />
      {userId && <OutboxPanel ownerId={userId} />}
      <View className='card' hoverClass='complaint-item--pressed' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/volunteer/pages/reports/index' })}>
        <Text className='report-card__title'>我的报告 ›</Text>
        <Text className='muted'>已上传的报告和消协的处理结果</Text>
      </View>
    </WorkspaceShell>
  )
}
