import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { WorkspaceShell } from '@/features/workspace'

export default function EnterpriseWorkspacePage() {
  return (
    <WorkspaceShell role='enterprise' title='企业处理台'>
      <View className='card'>
        <PageState kind='empty' title='暂无待处理的投诉' description='消费者通过 ODR 绿色通道投诉贵企业时，会出现在这里' />
      </View>
    </WorkspaceShell>
  )
}
