import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { QaSearchResult, QaSessionList } from '@/contract/lawyer-qa'
import { QA_SEARCH_MIN } from '@/contract/lawyer-qa-rules'
import { errorMessage } from '@/lib/http'
import { archiveSessions, searchArchive } from '../api/lawyer-qa'
import { PublicAnswerCard } from './public-answer-card'
import { SessionCard } from './session-card'
import './lawyers.css'

export const SESSION_PAGE = '/packages/lawyers/pages/session/index'

/**
 * 律师答疑 (no sign-in): every session with its theme and counts, newest first, and a search of the
 * published questions and answers from 2 characters. Asking, 我的提问 and the lawyers' workspace are a tap away.
 */
export function Archive() {
  const [sessions, setSessions] = useState<QaSessionList | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [term, setTerm] = useState('')
  const [found, setFound] = useState<{ term: string; result: QaSearchResult } | null>(null)
  const [searchProblem, setSearchProblem] = useState<string | null>(null)
  const [searching, setSearching] = useState(false)

  const load = () => {
    setProblem(null)
    archiveSessions().then(setSessions, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])

  async function search() {
    const q = term.trim()
    if ([...q].length < QA_SEARCH_MIN) return setSearchProblem(`请至少输入 ${QA_SEARCH_MIN} 个字`)
    setSearchProblem(null)
    setSearching(true)
    try {
      setFound({ term: q, result: await searchArchive(q) })
    } catch (error) {
      setSearchProblem(errorMessage(error))
    } finally {
      setSearching(false)
    }
  }

  return (
    <View className='qa'>
      <Text className='qa-intro'>每周一期，律师团在线解答消费维权问题。已公开的问答隐去了提问人的姓名、电话和号码。</Text>
      <View className='card qa-search'>
        <Text className='qa-label'>搜索问答</Text>
        <Input className='field-input' value={term} placeholder='例如：预付卡、退货' aria-label='搜索问答' confirmType='search' onInput={(e) => setTerm(e.detail.value)} onConfirm={() => void search()} />
        {searchProblem && <Text className='field-error'>{searchProblem}</Text>}
        <Button className='btn btn-secondary qa-search__go' disabled={searching || undefined} onClick={() => void search()}>
          {searching ? '正在搜索…' : '搜索'}
        </Button>
      </View>
      {found && (
        <View className='qa-results' aria-live='polite'>
          <Text className='section-title'>“{found.term}”的问答：{found.result.total} 条</Text>
          {found.result.total === 0 ? (
            <View className='card'>
              <PageState kind='empty' title='没有找到相关问答' description='换个说法试试，比如“退款”“保健品”。' />
            </View>
          ) : (
            found.result.items.map((hit) => <PublicAnswerCard key={hit.id} answer={hit} segments={hit.highlight.question} />)
          )}
        </View>
      )}
      <Text className='section-title'>各期答疑</Text>
      {problem && !sessions ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={load} />
        </View>
      ) : !sessions ? (
        <PageState kind='loading' />
      ) : sessions.items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有安排答疑' description='消协安排后会在这里显示。' />
        </View>
      ) : (
        sessions.items.map((session) => <SessionCard key={session.id} session={session} onOpen={() => void Taro.navigateTo({ url: `${SESSION_PAGE}?id=${session.id}` })} />)
      )}
      <View className='qa-links'>
        <Button className='btn btn-plain' onClick={() => void Taro.navigateTo({ url: '/packages/lawyers/pages/mine/index' })}>
          我的提问和律师解答
        </Button>
        <Button className='btn btn-plain' onClick={() => void Taro.navigateTo({ url: '/packages/lawyers/pages/lawyer/index' })}>
          我是律师：进入律师工作台
        </Button>
      </View>
    </View>
  )
}
