import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PublicFinding } from '@/contract/bad-faith-finding'
import { appealWindowText } from '@/contract/bad-faith-finding-rules'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { publicFindings } from '../api/credit-findings'
import { PublicFindingCard } from './public-finding-card'

/** 失信认定公示 (no login): how a finding is made, then the findings in their period, newest first. */
export function PublicFindingsList() {
  const [items, setItems] = useState<PublicFinding[] | null>(null)
  const [problem, setProblem] = useState('')
  const load = useCallback(() => {
    setProblem('')
    publicFindings()
      .then((list) => setItems(list.items))
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }, [])
  useEffect(load, [load])

  return (
    <View className='page'>
      <View className='card'>
        <Text className='credit-title'>怎样认定</Text>
        <Text className='credit-line'>
          有失信认定权限的工作人员提出认定（依据、事实、关联投诉），企业可在 {appealWindowText()}内申辩（本会程序，并非法律规定），再由另一位工作人员复核决定。认定后在这里和企业页面公示，期满自动撤下；企业不能付费或请求删除。
        </Text>
      </View>
      {problem ? (
        <PageState kind='error' description={problem} onRetry={load} />
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <PageState kind='empty' title='目前没有正在公示的失信认定' description='认定作出后会出现在这里' />
      ) : (
        items.map((finding) => <PublicFindingCard key={finding.id} finding={finding} showEnterprise />)
      )}
    </View>
  )
}
