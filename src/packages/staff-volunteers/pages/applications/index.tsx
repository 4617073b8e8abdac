import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { VOLUNTEER_APPLICATION_STATUS_LABELS, type VolunteerApplicationStatus } from '@/contract/field-report-rules'
import type { VolunteerApplication } from '@/contract/volunteer'
import { PageState } from '@/components/page-state'
import { approveApplication, declineApplication, listApplications, revokeVolunteer } from '@/features/volunteer/api/applications'
import { formatDateTime } from '@/features/volunteer/format'
import { WorkspaceShell } from '@/features/workspace'
import { errorMessage } from '@/lib/http'
import '@/features/volunteer/components/volunteer.css'

const TABS: ReadonlyArray<{ value: VolunteerApplicationStatus; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '在岗志愿者' },
  { value: 'declined', label: '未通过' },
  { value: 'revoked', label: '已撤销' },
]

function ApplicationCard({ application, onChanged }: { application: VolunteerApplication; onChanged(): void }) {
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState('')
  const [busy, setBusy] = useState(false)

  async function decide(kind: 'approve' | 'decline' | 'revoke') {
    if (kind !== 'approve' && !note.trim()) return setNoteError(kind === 'decline' ? '请写明未通过的原因' : '请写明撤销的原因')
    setNoteError('')
    const texts = {
      approve: { title: '通过申请', content: `通过后 ${application.name} 将成为维权志愿者，可以上报走访报告。`, ok: '通过' },
      decline: { title: '不通过', content: `确定不通过 ${application.name} 的申请吗？对方会看到原因。`, ok: '不通过' },
      revoke: { title: '撤销志愿者', content: `撤销后 ${application.name} 不能再上报，已上报的报告保留。确定吗？`, ok: '撤销' },
    }[kind]
    const { confirm } = await Taro.showModal({ title: texts.title, content: texts.content, confirmText: texts.ok, cancelText: '取消', confirmColor: '#b71c1c' })
    if (!confirm) return
    setBusy(true)
    try {
      if (kind === 'approve') await approveApplication(application.id, note.trim() ? { note: note.trim() } : {})
      if (kind === 'decline') await declineApplication(application.id, { note: note.trim() })
      if (kind === 'revoke') await revokeVolunteer(application.userId, { note: note.trim() })
      void Taro.showToast({ title: '已处理', icon: 'success' })
      onChanged()
    } catch (error) {
      void Taro.showModal({ title: '操作失败', content: errorMessage(error), showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  const open = application.status === 'pending' || application.status === 'approved'
  return (
    <View className='card' data-application-id={application.id}>
      <Text className='report-card__title'>{application.name}</Text>
      <Text className='report-status'>{VOLUNTEER_APPLICATION_STATUS_LABELS[application.status]}</Text>
      <Text className='report-card__line'>地区：{application.region}</Text>
      <Text className='report-card__line'>手机：{application.phone}</Text>
      <Text className='report-card__line'>理由：{application.motivation}</Text>
      <Text className='report-card__line'>申请时间：{formatDateTime(application.createdAt)}</Text>
      {application.decisionNote && <Text className='report-card__line'>说明：{application.decisionNote}</Text>}
      {open && (
        <>
          <Input className='field-input' aria-label='处理说明' value={note} placeholder={application.status === 'pending' ? '说明（不通过时必填）' : '撤销原因'} onInput={(e) => setNote(e.detail.value)} />
          {noteError && <Text className='field-error'>{noteError}</Text>}
          <View className='action-buttons' style={{ marginTop: '16px' }}>
            {application.status === 'pending' ? (
              <>
                <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void decide('approve')}>
                  通过
                </Button>
                <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => void decide('decline')}>
                  不通过
                </Button>
              </>
            ) : (
              <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => void decide('revoke')}>
                撤销志愿者资格
              </Button>
            )}
          </View>
        </>
      )}
    </View>
  )
}

export default function VolunteerApplicationsPage() {
  const [tab, setTab] = useState<VolunteerApplicationStatus>('pending')
  const [items, setItems] = useState<VolunteerApplication[] | null>(null)
  const [problem, setProblem] = useState('')

  const load = useCallback(async (status: VolunteerApplicationStatus) => {
    try {
      setItems((await listApplications({ status })).items)
      setProblem('')
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }, [])
  useDidShow(() => void load(tab))
  usePullDownRefresh(() => void load(tab).finally(() => void Taro.stopPullDownRefresh()))

  function choose(next: VolunteerApplicationStatus) {
    setTab(next)
    setItems(null)
    void load(next)
  }

  return (
    <WorkspaceShell role='staff' title='志愿者申请' compact>
      <View className='filter-row' role='radiogroup' aria-label='按状态筛选'>
        {TABS.map((t) => (
          <View key={t.value} className={`filter-chip ${tab === t.value ? 'filter-chip--on' : ''}`} role='radio' aria-checked={tab === t.value} onClick={() => choose(t.value)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {problem && !items ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load(tab)} />
        </View>
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='没有这类申请' />
        </View>
      ) : (
        items.map((application) => <ApplicationCard key={application.id} application={application} onChanged={() => void load(tab)} />)
      )}
    </WorkspaceShell>
  )
}
