import Taro, { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/features/auth'
import { ReportForm } from '@/features/volunteer/components/report-form'
import { useOutboxStore } from '@/features/volunteer/outbox/outbox-store'
import { startOutboxSync } from '@/features/volunteer/outbox/run-outbox-sync'
import { WorkspaceShell } from '@/features/workspace'

// Weapp starts the sender in the volunteer subpackage (see start-at-launch.weapp.ts); a second call does nothing.
startOutboxSync(() => useSessionStore.getState().user?.id ?? null)

export default function FieldReportPage() {
  const { params } = useRouter()
  const userId = useSessionStore((s) => s.user?.id)
  const existing = useOutboxStore((s) => s.reports.find((r) => r.clientId === params.clientId))

  function saved({ offline }: { offline: boolean }) {
    void Taro.showToast({ title: offline ? '已保存，联网后自动上传' : '已保存，正在上传', icon: 'none', duration: 2500 })
    void Taro.navigateBack()
  }

  return (
    <WorkspaceShell role='volunteer' title='走访报告' compact>
      {userId && <ReportForm key={existing?.clientId ?? 'new'} ownerId={userId} existing={existing} onSaved={saved} />}
    </WorkspaceShell>
  )
}
