import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import type { LegalAid } from '@/contract/legal-aid'
import { errorMessage } from '@/lib/http'
import { lawyerAid } from '../api/legal-aid-api'
import { AidCard } from './aid-card'
import { AidCaseView } from './aid-case-view'
import './legal-aid.css'

/** 律师工作台 › 法律援助: the requests assigned to me; one opens its case record and the opinion form. */
export function LawyerAid() {
  const [items, setItems] = useState<LegalAid[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const load = () => {
    setProblem(null)
    lawyerAid().then((list) => setItems(list.items), (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])
  const replace = (saved: LegalAid) => setItems((current) => current && current.map((a) => (a.id === saved.id ? saved : a)))

  if (open) return <AidCaseView aidId={open} onBack={() => setOpen(null)} onChanged={replace} />
  return (
    <View className='aid'>
      <Text className='section-title'>法律援助{items ? `（${items.filter((a) => a.status === 'assigned').length}）` : ''}</Text>
      {problem ? (
        <View className='card'><PageState kind='error' title='没有加载出法律援助' description={problem} onRetry={load} /></View>
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <View className='card'><PageState kind='empty' title='还没有指派给您的法律援助' description='消协指派后，您会收到通知，案件出现在这里。' /></View>
      ) : (
        items.map((aid) => (
          <AidCard key={aid.id} aid={aid} showCase>
            {aid.status === 'assigned' && (
              <Button className='btn btn-secondary' onClick={() => setOpen(aid.id)}>
                查看案件材料、写法律意见
              </Button>
            )}
          </AidCard>
        ))
      )}
    </View>
  )
}
