import Taro from '@tarojs/taro'
// Imported directly, not through the barrel that the consumer's complaint page also uses: this form stays in the staff package.
import { NewCourtCase } from '@/features/court/components/new-court-case'
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
