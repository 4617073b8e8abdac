import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { Finding } from '@/contract/bad-faith-finding'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { myEnterpriseFindings } from '../api/credit-findings'
import { AppealForm } from './appeal-form'
import { FindingRecord } from './finding-record'

/** The liaison's page: the findings about their enterprise (the one a notice opened first), each with 申辩 while it may. */
export function EnterpriseFindings({ focusId }: { focusId: string | undefined }) {
  const [items, setItems] = useState<Finding[] | null>(null)
  const [problem, setProblem] = useState('')
  const load = useCallback(() => {
    setProblem('')
    myEnterpriseFindings()
      .then((list) => setItems([...list.items].sort((a, b) => Number(b.id === focusId) - Number(a.id === focusId))))
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }, [focusId])
  useDidShow(load)

  if (problem) return <PageState kind='error' description={problem} onRetry={load} />
  if (!items) return <PageState kind='loading' />
  if (items.length === 0) return <PageState kind='empty' title='贵企业没有失信认定' description='消协拟作出认定时，会通知您并在这里申辩' />
  const replace = (next: Finding) => setItems((current) => current?.map((f) => (f.id === next.id ? next : f)) ?? null)
  return (
    <View>
      {items.map((finding) => (
        <View key={finding.id} className='card' aria-label='失信认定'>
          <FindingRecord finding={finding} forEnterprise />
          {finding.canAppeal ? (
            <AppealForm finding={finding} onAppealed={replace} />
          ) : (
            finding.state === 'awaiting_decision' && <Text className='credit-line'>{finding.appeal ? '已收到申辩，等待复核决定。' : '申辩期已过，等待复核决定。'}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
