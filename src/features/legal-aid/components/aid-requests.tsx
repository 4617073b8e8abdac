import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { isActiveAid, LEGAL_AID_KIND_LABELS, type LegalAid } from '@/contract/legal-aid'
import { errorMessage } from '@/lib/http'
import { aidOfComplaint, withdrawAid } from '../api/legal-aid-api'
import { AidCard } from './aid-card'
import { AidRequestForm } from './aid-request-form'
import './legal-aid.css'

/** The consumer's legal aid on one case: their requests (withdraw while not finished) and a new request. */
export function AidRequests({ complaintId }: { complaintId: string }) {
  const [items, setItems] = useState<LegalAid[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const load = () => {
    setProblem(null)
    aidOfComplaint(complaintId).then(
      (list) => {
        setItems(list.items)
        setAsking(list.items.length === 0)
      },
      (error: unknown) => setProblem(errorMessage(error)),
    )
  }
  useEffect(load, [complaintId])

  async function withdraw(aid: LegalAid) {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: `撤回${LEGAL_AID_KIND_LABELS[aid.kind]}申请后，${aid.lawyer ? `${aid.lawyer.name}` : '律师'}立即不能再查阅本案材料。确定撤回吗？`,
      confirmText: '撤回',
      cancelText: '不撤回',
    })
    if (!confirm) return
    try {
      const saved = await withdrawAid(aid.id)
      setItems((current) => current && current.map((a) => (a.id === saved.id ? saved : a)))
    } catch (error) {
      void Taro.showModal({ title: '没有成功', content: errorMessage(error), showCancel: false })
    }
  }

  if (problem) return <View className='card'><PageState kind='error' title='没有加载出来' description={problem} onRetry={load} /></View>
  if (!items) return <PageState kind='loading' />
  if (asking) {
    return (
      <View className='aid'>
        <Text className='section-title'>申请法律援助</Text>
        <Text className='aid-line muted'>消协会指派律师团的律师帮您。法律援助不收费。</Text>
        <AidRequestForm
          complaintId={complaintId}
          onDone={(aid) => {
            setItems([aid, ...items])
            setAsking(false)
            void Taro.showToast({ title: '已提交，消协会尽快指派律师', icon: 'none' })
          }}
        />
        {items.length > 0 && (
          <Button className='btn btn-plain' onClick={() => setAsking(false)}>
            返回我的申请
          </Button>
        )}
      </View>
    )
  }
  return (
    <View className='aid'>
      <Text className='section-title'>我的法律援助申请</Text>
      {items.map((aid) => (
        <AidCard key={aid.id} aid={aid}>
          {isActiveAid(aid.status) && (
            <Button className='btn btn-plain' onClick={() => void withdraw(aid)}>
              撤回申请
            </Button>
          )}
        </AidCard>
      ))}
      <Button className='btn btn-secondary' onClick={() => setAsking(true)}>
        再申请一项帮助
      </Button>
    </View>
  )
}
