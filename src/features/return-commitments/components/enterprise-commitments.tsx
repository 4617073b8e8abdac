import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { chinaToday } from '@/contract/complaint-rules'
import { RETURN_BADGE, type StaffReturnCommitment } from '@/contract/return-commitment'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { myStores, recordReturns } from '../api/return-commitments'
import { CommitmentForm } from './commitment-form'
import { StoreFigures } from './store-figures'
import './return-commitments.css'


/** The liaison's stores: sign a new one, and each month record the returns a store honoured. */
export function EnterpriseCommitments() {
  const [stores, setStores] = useState<StaffReturnCommitment[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    setProblem(null)
    myStores().then((list) => setStores(list.items), (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])
  const replace = (view: StaffReturnCommitment) => setStores((list) => (list ?? []).map((s) => (s.commitment.id === view.commitment.id ? view : s)))

  return (
    <View className='rc-enterprise'>
      <CommitmentForm onSigned={() => load()} />
      <Text className='rc-heading'>本企业的承诺门店</Text>
      {problem ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={load} />
        </View>
      ) : !stores ? (
        <PageState kind='loading' />
      ) : stores.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有签署承诺的门店' description='签署后门店会出现在这里，每月可以登记已办理的退货' />
        </View>
      ) : (
        stores.map((view) => <OwnStore key={view.commitment.id} view={view} onChange={replace} />)
      )}
    </View>
  )
}

function OwnStore({ view, onChange }: { view: StaffReturnCommitment; onChange: (view: StaffReturnCommitment) => void }) {
  const { commitment } = view
  const [month, setMonth] = useState(chinaToday().slice(0, 7))
  const [count, setCount] = useState('')
  const [yuan, setYuan] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save() {
    const returnsCount = Number(count)
    const amountFen = Math.round(Number(yuan) * 100)
    if (!/^\d{4}-\d{2}$/.test(month)) return setProblem('月份请写成 2026-11 这样')
    if (!Number.isInteger(returnsCount) || returnsCount < 0 || count.trim() === '') return setProblem('退货笔数请填写整数')
    if (!Number.isFinite(amountFen) || amountFen < 0 || yuan.trim() === '') return setProblem('退货金额请填写数字（元）')
    setBusy(true)
    setProblem(null)
    try {
      onChange(await recordReturns(commitment.id, { month, returnsCount, amountFen }))
      setCount('')
      setYuan('')
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card rc-store'>
      <Text className='rc-store__name'>{commitment.storeName}</Text>
      {commitment.status === 'active' ? <Text className='rc-badge rc-badge--small'>{RETURN_BADGE}</Text> : <Text className='rc-revoked__title'>标识已撤销：{commitment.revocation?.reason}（{commitment.revocation?.resignOn} 起可重新签署）</Text>}
      <Text className='rc-line'>{commitment.terms.days} 天无理由退货 · {commitment.terms.startsOn} 起</Text>
      <StoreFigures view={view} />
      {commitment.status === 'active' && (
        <View className='rc-record'>
          <Text className='rc-label'>登记某月已办理的无理由退货（同月再登记即更正）</Text>
          <View className='rc-pair'>
            <Input className='field-input' value={month} maxlength={7} aria-label='月份' placeholder='2026-11' onInput={(e) => setMonth(e.detail.value)} />
            <Input className='field-input' type='number' value={count} aria-label='退货笔数' placeholder='笔数' onInput={(e) => setCount(e.detail.value)} />
            <Input className='field-input' type='digit' value={yuan} aria-label='退货金额（元）' placeholder='金额（元）' onInput={(e) => setYuan(e.detail.value)} />
          </View>
          {problem && (
            <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
          )}
          <Button className='btn btn-secondary' loading={busy || undefined} disabled={busy || undefined} onClick={() => void save()}>
            登记
          </Button>
        </View>
      )}
    </View>
  )
}

