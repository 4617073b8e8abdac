import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { WorkspaceShell } from '@/features/workspace'

export default function StaffWorkspacePage() {
  return (
    <WorkspaceShell role='staff' title='消协工作台'>
      <View className='card'>
        <PageState kind='empty' title='暂无待受理的投诉' description='需要消协调解的投诉会出现在这里' />
      </View>
    </WorkspaceShell>
  )
}
