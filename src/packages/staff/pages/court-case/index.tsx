import Taro from '@tarojs/taro'
import { NewCourtCase } from '@/features/court'
import { WorkspaceShell } from '@/features/workspace'

/** 登记法院委托案件: a court-referred dispute never filed with us (issue #17). */
export default function CourtCasePage() {
  const open = (id: string) => void Taro.redirectTo({ url: `/packages/staff/pages/complaint/index?id=${encodeURIComponent(id)}` })
  return (
    <WorkspaceShell role='staff' title='登记法院委托案件' compact>
      <NewCourtCase onOpen={open} />
    </WorkspaceShell>
  )
}
