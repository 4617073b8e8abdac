import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { AnswerRequest, LawyerWorkspace as Workspace } from '@/contract/lawyer-qa'
import { errorMessage } from '@/lib/http'
import { answerQuestion, getWorkspace } from '../api/lawyer-qa'
import { AnswerForm } from './answer-form'
import { QuestionCard } from './question-card'
import { formatWhen } from './when'
import './lawyers.css'

/** 律师工作台: the questions waiting in my sessions, oldest first; 解答 opens the form under the question. */
export function LawyerWorkspace() {
  const [workspace, setWorkspace] = useState<Workspace | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [answering, setAnswering] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [formProblem, setFormProblem] = useState('')
  const load = () => {
    setProblem(null)
    getWorkspace().then(setWorkspace, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [])

  async function submit(id: string, answer: AnswerRequest) {
    setBusy(true)
    setFormProblem('')
    try {
      await answerQuestion(id, answer)
      setWorkspace((current) => current && { ...current, waiting: current.waiting.filter((q) => q.id !== id) })
      setAnswering(null)
      void Taro.showToast({ title: '已解答，已通知提问人', icon: 'none' })
    } catch (error) {
      setFormProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  if (problem) return <View className='card'><PageState kind='error' title='进不了律师工作台' description={problem} onRetry={load} /></View>
  if (!workspace) return <PageState kind='loading' />
  const current = workspace.sessions.filter((s) => s.open)
  return (
    <View className='qa'>
      <View className='card'>
        <Text className='qa-session__title'>{workspace.lawyer.name}</Text>
        <Text className='qa-line'>{workspace.lawyer.firm} · {workspace.lawyer.organizationName}律师团</Text>
        <Text className='qa-line muted'>{current.length > 0 ? `正在值班：${current.map((s) => `${s.title}「${s.theme}」`).join('、')}` : '目前没有正在进行的值班'}</Text>
      </View>
      <Text className='section-title'>等待解答（{workspace.waiting.length}）</Text>
      {workspace.waiting.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='没有等待解答的问题' description='您值班的各期有新问题时会出现在这里。' />
        </View>
      ) : (
        workspace.waiting.map((question) => (
          <QuestionCard key={question.id} question={question}>
            {answering === question.id ? (
              <AnswerForm busy={busy} problem={formProblem} onSubmit={(answer) => void submit(question.id, answer)} />
            ) : (
              <Button className='btn btn-secondary qa-answer-open' onClick={() => { setAnswering(question.id); setFormProblem('') }}>
                解答这个问题
              </Button>
            )}
          </QuestionCard>
        ))
      )}
      <Text className='section-title'>跟进问题的解决（{workspace.followUps.length}）</Text>
      {workspace.followUps.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有提问人从您的解答投诉' description='提问人点“一键投诉”后，投诉的处理进度会出现在这里。' />
        </View>
      ) : (
        workspace.followUps.map((item) => (
          <View key={item.questionId} className='card qa-follow-up-card' aria-label={`${item.sessionTitle}的问题的投诉进度`}>
            <Text className='qa-muted-title'>{item.sessionTitle} · 您解答过的问题</Text>
            <Text className='qa-question__text qa-follow-up-card__question'>{item.question}</Text>
            <View className='qa-follow-up'>
              <Text className='qa-line qa-follow-up__status'>投诉状态：{item.followUp.statusLabel}</Text>
              <Text className='qa-line muted'>
                {formatWhen(item.followUp.filedAt)} 提交 · {item.followUp.closedAt ? `${formatWhen(item.followUp.closedAt)} 结束` : `${formatWhen(item.followUp.updatedAt)} 最近更新`}
              </Text>
            </View>
          </View>
        ))
      )}
    </View>
  )
}
