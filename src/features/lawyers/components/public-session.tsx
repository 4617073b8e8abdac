import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Button, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import type { PublicSession as Session } from '@/contract/lawyer-qa'
import { errorMessage } from '@/lib/http'
import { archiveSession } from '../api/lawyer-qa'
import { PublicAnswerCard } from './public-answer-card'
import { SessionCard } from './session-card'
import './lawyers.css'

/**
 * One session (no sign-in): its published answers, and 我要提问 while it takes questions, which opens
 * the page's ask form (or its sign-in prompt) right here, one step less than another page.
 */
export function PublicSession({ id, onShown, askForm }: { id: string; onShown?: (title: string) => void; askForm: () => ReactNode }) {
  const [session, setSession] = useState<Session | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
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
      {session.session.open &&
        (asking ? (
          askForm()
        ) : (
          <Button className='btn btn-primary qa-ask' onClick={() => setAsking(true)}>
            我要提问
          </Button>
        ))}
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
