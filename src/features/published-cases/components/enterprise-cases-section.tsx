import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import type { PublicCaseList } from '@/contract/published-case'
import { errorMessage } from '@/lib/http'
import { listCases } from '../api/published-cases'
import { CaseCard } from './case-card'
import './published-cases.css'

/** 个案公示 on the enterprise's public page: its published cases, newest first. */
export function EnterpriseCasesSection({ enterpriseId }: { enterpriseId?: string }) {
  const [cases, setCases] = useState<PublicCaseList | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    if (!enterpriseId) return
    setProblem(null)
    listCases({ enterpriseId }).then(setCases, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [enterpriseId])
  if (!enterpriseId) return null
  return (
    <View className='pc pc-section' aria-label='个案公示'>
      <Text className='section-title'>个案公示</Text>
      {problem && !cases ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={load} />
        </View>
      ) : !cases ? (
        <PageState kind='loading' />
      ) : cases.items.length === 0 ? (
        <View className='card'>
          <Text className='pc-line'>这家企业还没有公示的案例。</Text>
        </View>
      ) : (
        cases.items.map((item) => <CaseCard key={item.id} item={item} />)
      )}
    </View>
  )
}
