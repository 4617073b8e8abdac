import { useRouter } from '@tarojs/taro'
import { MatchingFindings } from '@/features/alliance-findings'
import { StaffGroupView } from '@/features/groups'
import { WorkspaceShell } from '@/features/workspace'

export default function StaffGroupPage() {
  const { id } = useRouter().params
  return (
    <WorkspaceShell role='staff' title='群体性投诉'>
      {id && <MatchingFindings groupId={id} />}
      <StaffGroupView groupId={id} />
    </WorkspaceShell>
  )
}
