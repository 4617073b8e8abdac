import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { Question } from '@/contract/lawyer-qa'
import { errorMessage } from '@/lib/http'
import { getQuestion, myQuestions } from '../api/lawyer-qa'
import { QuestionCard } from './question-card'
import './lawyers.css'

/** 我的提问: one question (from a notice) or all of mine, with the lawyer's answer whether or not published. */
/** `onFileComplaint` opens the filing flow (the page wires it: features do not import each other). */
export function MyQuestions({ id, onFileComplaint }: { id?: string; onFileComplaint: (question: Question) => void }) {
  const [questions, setQuestions] = useState<Question[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    setProblem(null)
    const loading = id ? getQuestion(id).then((q) => [q]) : myQuestions().then((list) => list.items)
    loading.then(setQuestions, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [id])
  // Back from filing: show the complaint's number and status.
  useDidShow(() => questions && load())
  if (problem) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!questions) return <PageState kind='loading' />
  if (questions.length === 0) return <View className='card'><PageState kind='empty' title='您还没有提过问题' description='在“律师答疑”里选正在进行的一期提问。' /></View>
  return <View className='qa'>{questions.map((q) => <QuestionCard key={q.id} question={q} onFileComplaint={onFileComplaint} />)}</View>
}
