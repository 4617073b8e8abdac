import { useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { QaSession, Question } from '@/contract/lawyer-qa'
import { ANSWER_MAX, maskDigitRuns, QUESTION_MAX } from '@/contract/lawyer-qa-rules'
import { errorMessage } from '@/lib/http'
import { publishQuestion, sessionQuestions } from '../api/lawyer-qa'
import { QuestionCard } from './question-card'

/** One session's questions for staff; an answered one the asker allowed can be edited and published. */
export function SessionQuestions({ session, onBack }: { session: QaSession; onBack: () => void }) {
  const [questions, setQuestions] = useState<Question[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; question: string; answer: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [formProblem, setFormProblem] = useState('')
  const load = () => {
    setProblem(null)
    sessionQuestions(session.id).then((list) => setQuestions(list.items), (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [session.id])

  async function publish() {
    if (!editing) return
    const { confirm } = await Taro.showModal({ title: '公开发布', content: '发布后，任何人不用登录都能看到这条问答（不显示提问人）。确定发布吗？', confirmText: '发布', cancelText: '再看看' })
    if (!confirm) return
    setBusy(true)
    setFormProblem('')
    try {
      const saved = await publishQuestion(editing.id, { question: editing.question, answer: editing.answer })
      setQuestions((current) => current && current.map((q) => (q.id === saved.id ? saved : q)))
      setEditing(null)
      void Taro.showToast({ title: '已公开', icon: 'success' })
    } catch (error) {
      setFormProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='qa'>
      <Button className='btn btn-plain' onClick={onBack}>‹ 返回各期</Button>
      <Text className='section-title'>{session.title} · {session.theme}</Text>
      {problem ? (
        <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
      ) : !questions ? (
        <PageState kind='loading' />
      ) : questions.length === 0 ? (
        <View className='card'><PageState kind='empty' title='本期还没有人提问' /></View>
      ) : (
        questions.map((q) => (
          <QuestionCard key={q.id} question={q}>
            {editing?.id === q.id ? (
              <View className='qa-answer-form'>
                <Text className='muted'>号码（手机号、身份证号等 7 位以上的数字）发布时会自动隐去，请删去姓名、地址等能认出提问人的内容。</Text>
                <Text className='qa-label'>公开的问题</Text>
                <Textarea className='field-input qa-textarea' maxlength={QUESTION_MAX} autoHeight value={editing.question} aria-label='公开的问题' onInput={(e) => setEditing({ ...editing, question: e.detail.value })} />
                <Text className='qa-label'>公开的解答</Text>
                <Textarea className='field-input qa-textarea' maxlength={ANSWER_MAX} autoHeight value={editing.answer} aria-label='公开的解答' onInput={(e) => setEditing({ ...editing, answer: e.detail.value })} />
                {formProblem && <Text className='field-error'>{formProblem}</Text>}
                <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void publish()}>{busy ? '正在发布…' : q.published ? '更新公开内容' : '公开发布'}</Button>
                <Button className='btn btn-plain' onClick={() => setEditing(null)}>取消</Button>
              </View>
            ) : q.status === 'answered' && q.allowPublish && q.answer ? (
              <Button
                className='btn btn-secondary qa-answer-open'
                onClick={() => {
                  setFormProblem('')
                  setEditing({ id: q.id, question: q.publishedQuestion ?? maskDigitRuns(q.text), answer: q.publishedAnswer ?? q.answer!.text })
                }}
              >
                {q.published ? '修改公开内容' : '编辑并公开'}
              </Button>
            ) : null}
          </QuestionCard>
        ))
      )}
    </View>
  )
}
