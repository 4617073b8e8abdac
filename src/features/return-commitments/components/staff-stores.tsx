import { useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '@/contract/complaint-status'
import { REFUSAL_WINDOW_MONTHS, REFUSALS_TO_REVOKE, RESIGN_AFTER_DAYS, REVOKE_REASON_MAX, textLength, type StaffReturnCommitment } from '@/contract/return-commitment'
import { errorMessage } from '@/lib/http'
import { revokeStore, staffStores, upholdRefusal } from '../api/return-commitments'
import { StoreFigures } from './store-figures'
import './return-commitments.css'

const RED = '#b71c1c'
const STAFF_COMPLAINT = '/packages/staff/pages/complaint/index'

/** Staff: the committed stores of their region with returns honoured and refusals; verify refusals, revoke the badge. */
export function StaffStores() {
  const [status, setStatus] = useState<'active' | 'revoked'>('active')
  const [stores, setStores] = useState<StaffReturnCommitment[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    setProblem(null)
    setStores(null)
    staffStores(status).then(
      (list) => {
        setStores(list.items)
        setCursor(list.nextCursor)
      },
      (error: unknown) => setProblem(errorMessage(error)),
    )
  }
  useEffect(load, [status])
  const replace = (view: StaffReturnCommitment) => setStores((list) => (list ?? []).map((s) => (s.commitment.id === view.commitment.id ? view : s)))
  const more = async () => {
    if (!cursor) return
    try {
      const list = await staffStores(status, cursor)
      setStores([...(stores ?? []), ...list.items])
      setCursor(list.nextCursor)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  return (
    <View className='rc-staff'>
      <Text className='rc-heading'>本地区的无理由退货承诺店</Text>
      <Text className='muted rc-intro'>
        近 {REFUSAL_WINDOW_MONTHS} 个月经核实的拒绝退货投诉满 {REFUSALS_TO_REVOKE} 件，可以撤销门店的承诺店标识（理由公开显示，{RESIGN_AFTER_DAYS} 天后门店可重新签署）。
      </Text>
      <View className='rc-regions__row'>
        {(['active', 'revoked'] as const).map((s) => (
          <View key={s} className={`rc-chip ${status === s ? 'rc-chip--on' : ''}`} role='button' aria-pressed={status === s} onClick={() => setStatus(s)}>
            <Text>{s === 'active' ? '承诺中' : '已撤销'}</Text>
          </View>
        ))}
      </View>
      {problem ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={load} />
        </View>
      ) : !stores ? (
        <PageState kind='loading' />
      ) : stores.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title={status === 'active' ? '本地区还没有承诺店' : '没有被撤销的承诺店'} />
        </View>
      ) : (
        <>
          {stores.map((view) => (
            <StaffStore key={view.commitment.id} view={view} onChange={replace} />
          ))}
          {cursor && (
            <Button className='btn btn-plain' onClick={() => void more()}>
              加载更多
            </Button>
          )}
        </>
      )}
    </View>
  )
}

function StaffStore({ view, onChange }: { view: StaffReturnCommitment; onChange: (view: StaffReturnCommitment) => void }) {
  const { commitment } = view
  const [reason, setReason] = useState('')
  const [revoking, setRevoking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function uphold(complaintId: string, number: string) {
    const { confirm } = await Taro.showModal({ title: '核实属实', content: `确认投诉 ${number} 中门店拒绝按承诺退货属实？核实后计入撤销标准，不能撤回。`, confirmText: '属实', cancelText: '取消', confirmColor: RED })
    if (!confirm) return
    setProblem(null)
    try {
      onChange(await upholdRefusal(complaintId))
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  async function revoke() {
    if (textLength(reason) < 5) return setProblem('请写明撤销理由（至少 5 个字），理由会公开显示')
    const { confirm } = await Taro.showModal({ title: '撤销承诺店标识', content: `撤销「${commitment.storeName}」的承诺店标识？理由会在门店和企业页面公开显示。`, confirmText: '撤销', cancelText: '取消', confirmColor: RED })
    if (!confirm) return
    setBusy(true)
    setProblem(null)
    try {
      onChange(await revokeStore(commitment.id, { reason: reason.trim(), confirmed: true }))
      setRevoking(false)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card rc-store' aria-label={commitment.storeName}>
      <Text className='rc-store__name'>{commitment.storeName}</Text>
      <Text className='rc-line'>
        {commitment.enterpriseName} · {view.organizationName}
      </Text>
      <Text className='rc-line'>
        {commitment.storeAddress} · {commitment.terms.days} 天无理由退货
      </Text>
      {commitment.revocation && <Text className='rc-revoked__title'>已撤销：{commitment.revocation.reason}</Text>}
      <StoreFigures view={view} />
      {view.refusals.length > 0 && (
        <View className='rc-refusals'>
          <Text className='rc-label'>拒绝退货投诉</Text>
          {view.refusals.map((r) => (
            <View key={r.complaintId} className='rc-refusal'>
              <Text className='rc-refusal__link' onClick={() => void Taro.navigateTo({ url: `${STAFF_COMPLAINT}?id=${encodeURIComponent(r.complaintId)}` })}>
                {r.number} · {COMPLAINT_STATUS_LABELS[r.status as ComplaintStatus] ?? r.status}
              </Text>
              {r.upheldAt ? (
                <Text className='rc-refusal__upheld'>已核实属实</Text>
              ) : (
                <Button className='btn btn-plain rc-action' size='mini' onClick={() => void uphold(r.complaintId, r.number)}>
                  核实属实
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
      {problem && (
        <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
      )}
      {view.canRevoke && !revoking && (
        <Button className='btn btn-secondary' onClick={() => setRevoking(true)}>
          撤销承诺店标识
        </Button>
      )}
      {revoking && (
        <View className='rc-revoke'>
          <Text className='rc-label'>撤销理由（公开显示，不要写消费者的姓名、电话、地址）</Text>
          <Textarea className='field-input rc-textarea' value={reason} maxlength={REVOKE_REASON_MAX} aria-label='撤销理由' onInput={(e) => setReason(e.detail.value)} />
          <View className='rc-actions'>
            <Button className='btn btn-primary rc-action' loading={busy || undefined} disabled={busy || undefined} onClick={() => void revoke()}>
              撤销
            </Button>
            <Button className='btn btn-plain rc-action' onClick={() => setRevoking(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
