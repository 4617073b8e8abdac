import { useRouter } from '@tarojs/taro'
import { WarningEditor } from '@/features/warnings/staff'
import { WorkspaceShell } from '@/features/workspace'

export default function WarningEditorPage() {
  const { params } = useRouter()
  return (
    <WorkspaceShell role='staff' title='编辑警示' compact>
      <WarningEditor warningId={params.id} />
    </WorkspaceShell>
  )
}
