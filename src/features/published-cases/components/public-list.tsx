import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import type { PublicCaseList as CaseList } from '@/contract/published-case'
import { PUBLISHED_SEARCH_MIN } from '@/contract/published-case-rules'
import { errorMessage } from '@/lib/http'
import { listCases } from '../api/published-cases'
import { CaseCard } from './case-card'
import './published-cases.css'

/**
 * 个案公示 (no sign-in): the newest published cases and a search by business name or any term of 2+
 * characters. Each case is anonymous; the business's reply is shown beside it once the association approved it.
 */
export function PublicCaseList() {
  const [latest, setLatest] = useState<CaseList | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [term, setTerm] = useState('')
  const [found, setFound] = useState<{ term: string; result: CaseList } | null>(null)
  const [searchProblem, setSearchProblem] = useState<string | null>(null)
  const [searching, setSearching] = useState(false)

  const load = () => {
    setProblem(null)
    listCases().then(setLatest, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])

  async function search() {
    const q = term.trim()
    if ([...q].length < PUBLISHED_SEARCH_MIN) return setSearchProblem(`请至少输入 ${PUBLISHED_SEARCH_MIN} 个字`)
    setSearchProblem(null)
    setSearching(true)
    try {
      setFound({ term: q, result: await listCases({ q }) })
    } catch (error) {
      setSearchProblem(errorMessage(error))
    } finally {
      setSearching(false)
    }
  }

  return (
    <View className='pc'>
      <Text className='pc-intro'>消费者同意后，消协把已结案的投诉匿名公示：不含姓名、电话、证件号和住址。商家可以回复一次，审核后显示在案例旁边。</Text>
      <View className='card'>
        <Text className='pc-label'>查找商家或关键词</Text>
        <Input className='field-input' value={term} placeholder='例如：健身、预付卡、商家名称' aria-label='查找公示案例' confirmType='search' onInput={(e) => setTerm(e.detail.value)} onConfirm={() => void search()} />
        {searchProblem && <Text className='field-error'>{searchProblem}</Text>}
        <Button className='btn btn-secondary pc-search__go' disabled={searching || undefined} onClick={() => void search()}>
          {searching ? '正在查找…' : '查找'}
        </Button>
      </View>
      {found && (
        <View aria-live='polite'>
          <Text className='section-title'>
            “{found.term}”的公示案例：{found.result.total} 件
          </Text>
          {found.result.total === 0 ? (
            <View className='card'>
              <PageState kind='empty' title='没有找到相关案例' description='换个词试试，比如商家名称的两个字。' />
            </View>
          ) : (
            found.result.items.map((item) => <CaseCard key={item.id} item={item} />)
          )}
        </View>
      )}
      <Text className='section-title'>最新公示</Text>
      {problem && !latest ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={load} />
        </View>
      ) : !latest ? (
        <PageState kind='loading' />
      ) : latest.items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有公示的案例' description='消协公示案例后会在这里显示。' />
        </View>
      ) : (
        latest.items.map((item) => <CaseCard key={item.id} item={item} />)
      )}
    </View>
  )
}
