import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { LEGAL_AID_KIND_LABELS, type AidLawyer, type LegalAid, type StaffLegalAidList } from '@/contract/legal-aid'
import { errorMessage } from '@/lib/http'
import { assignLawyer, staffAid } from '../api/legal-aid-api'
import { AidCard } from './aid-card'
import './legal-aid.css'

function AssignBlock({ aid, lawyers, onAssigned }: { aid: LegalAid; lawyers: AidLawyer[]; onAssigned: (aid: LegalAid) => void }) {
  const [chosen, setChosen] = useState<AidLawyer | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  if (lawyers.length === 0) return <Text className='aid-line muted'>律师团还没有可以指派的律师，请先在“律师答疑”里邀请律师。</Text>

  async function assign() {
    if (!chosen || busy) return
    const { confirm } = await Taro.showModal({
      title: '指派律师',
      content: `把${aid.businessName}（${aid.complaintNumber}）的${LEGAL_AID_KIND_LABELS[aid.kind]}指派给${chosen.name}（${chosen.firm}）？律师将可以查阅本案材料，并会收到通知。`,
      confirmText: '指派',
      cancelText: '不指派',
    })
    if (!confirm) return
    setBusy(true)
    setProblem('')
    try {
      onAssigned(await assignLawyer(aid.id, { lawyerId: chosen.id }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='aid-assign'>
      <Text className='aid-label'>选择律师</Text>
      <View className='aid-kinds' role='radiogroup'>
        {lawyers.map((lawyer) => (
          <View key={lawyer.id} role='radio' aria-checked={chosen?.id === lawyer.id} className={`aid-choice ${chosen?.id === lawyer.id ? 'aid-choice--on' : ''}`} onClick={() => setChosen(lawyer)}>
            {lawyer.name} · {lawyer.firm}
          </View>
        ))}
      </View>
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-primary' disabled={!chosen || busy || undefined} onClick={() => void assign()}>
        {busy ? '正在指派…' : chosen ? `指派给${chosen.name}` : '请先选择律师'}
      </Button>
    </View>
  )
}

/** 消协工作台 › 法律援助: requests waiting for a lawyer (assign one), then those a lawyer is working on. */
export function StaffAid() {
  const [board, setBoard] = useState<StaffLegalAidList | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    setProblem(null)
    staffAid().then(setBoard, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])

  if (problem) return <View className='card'><PageState kind='error' title='没有加载出来' description={problem} onRetry={load} /></View>
  if (!board) return <PageState kind='loading' />
  const waiting = board.items.filter((a) => a.status === 'open')
  const inHand = board.items.filter((a) => a.status === 'assigned')
  const replace = (saved: LegalAid) => {
    setBoard((current) => current && { ...current, items: current.items.map((a) => (a.id === saved.id ? saved : a)) })
    void Taro.showToast({ title: '已指派，已通知律师和消费者', icon: 'none' })
  }
  return (
    <View className='aid'>
      <Text className='section-title'>等待指派律师（{waiting.length}）</Text>
      {waiting.length === 0 ? (
        <View className='card'><PageState kind='empty' title='没有等待指派的申请' description='消费者在投诉详情里申请法律援助后，会出现在这里。' /></View>
      ) : (
        <View className='aid-desk'>
          {waiting.map((aid) => (
            <AidCard key={aid.id} aid={aid} showCase>
              <AssignBlock aid={aid} lawyers={board.lawyers} onAssigned={replace} />
            </AidCard>
          ))}
        </View>
      )}
      <Text className='section-title'>律师处理中（{inHand.length}）</Text>
      {inHand.length === 0 ? (
        <View className='card'><PageState kind='empty' title='没有处理中的申请' /></View>
      ) : (
        <View className='aid-desk'>
          {inHand.map((aid) => <AidCard key={aid.id} aid={aid} showCase />)}
        </View>
      )}
    </View>
  )
}
