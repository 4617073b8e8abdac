import { useEffect, useRef, useState } from 'react'
import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { PublicSession as Session } from '@/contract/lawyer-qa'
import { errorMessage } from '@/lib/http'
import { archiveSession } from '../api/lawyer-qa'
import { PublicAnswerCard } from './public-answer-card'
import { SessionCard } from './session-card'
import './lawyers.css'

/** One session (no sign-in): its published answers, and 我要提问 while it takes questions. */
export function PublicSession({ id, onShown }: { id: string; onShown?: (title: string) => void }) {
  const [session, setSession] = useState<Session | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const shown = useRef(onShown)
  shown.current = onShown
  const load = () => {
    setProblem(null)
    archiveSession(id).then(
      (loaded) => {
        setSession(loaded)
        shown.current?.(`${loaded.session.title} ${loaded.session.theme}`)
      },
      (error: unknown) => setProblem(errorMessage(error)),
    )
  }
  useEffect(load, [id])

  if (problem) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!session) return <PageState kind='loading' />
  return (
    <View className='qa'>
      <SessionCard session={session.session} />
      {session.session.open && (
        <Button className='btn btn-primary qa-ask' onClick={() => void Taro.navigateTo({ url: `/packages/lawyers/pages/ask/index?sessionId=${id}` })}>
          我要提问
        </Button>
      )}
      {session.answers.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='本期还没有公开的问答' description={session.session.open ? '律师解答、消协整理后会在这里公开。' : '本期的问答没有公开。'} />
        </View>
      ) : (
        session.answers.map((answer) => <PublicAnswerCard key={answer.id} answer={answer} />)
      )}
    </View>
  )
}
