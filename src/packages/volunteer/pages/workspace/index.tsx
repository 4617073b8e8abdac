import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { WorkspaceShell } from '@/features/workspace'

export default function VolunteerWorkspacePage() {
  return (
    <WorkspaceShell role='volunteer' title='志愿者工作台'>
      <View className='card'>
        <PageState kind='empty' title='还没有走访记录' description='在商场、市场看到的问题，可以拍照上报给消协' />
      </View>
    </WorkspaceShell>
  )
}
