import { useRouter } from '@tarojs/taro'
import { StaffGroupView } from '@/features/groups'
import { WorkspaceShell } from '@/features/workspace'

export default function StaffGroupPage() {
  const { id } = useRouter().params
  return (
    <WorkspaceShell role='staff' title='群体性投诉'>
      <StaffGroupView groupId={id} />
    </WorkspaceShell>
  )
}
