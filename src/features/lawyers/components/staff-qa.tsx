import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { Lawyer, QaSession } from '@/contract/lawyer-qa'
import { errorMessage } from '@/lib/http'
import { setLawyerStatus, staffSessions, teamLawyers } from '../api/lawyer-qa'
import { InviteLawyerForm } from './invite-lawyer-form'
import { ScheduleForm } from './schedule-form'
import { SessionQuestions } from './session-questions'
import { SessionCard } from './session-card'
import './lawyers.css'

/** 消协工作台 › 律师答疑: the lawyer team (invite, suspend, resume), the sessions (schedule), one session's questions (publish). */
export function StaffQa() {
  const [lawyers, setLawyers] = useState<Lawyer[] | null>(null)
  const [sessions, setSessions] = useState<QaSession[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [mode, setMode] = useState<'list' | 'invite' | 'schedule'>('list')
  const [editing, setEditing] = useState<QaSession | null>(null)
  const [open, setOpen] = useState<QaSession | null>(null)
  const load = () => {
    setProblem(null)
    Promise.all([teamLawyers(), staffSessions()]).then(
      ([team, list]) => {
        setLawyers(team.items)
        setSessions(list.items)
      },
      (error: unknown) => setProblem(errorMessage(error)),
    )
  }
  useEffect(load, [])

  async function toggle(lawyer: Lawyer) {
    const suspend = lawyer.status === 'active'
    if (suspend) {
      const { confirm } = await Taro.showModal({ title: '暂停律师', content: `暂停后，${lawyer.name}进不了律师工作台，也不能解答问题。以后可以恢复。确定暂停吗？`, confirmText: '暂停', cancelText: '不暂停' })
      if (!confirm) return
    }
    try {
      const saved = await setLawyerStatus(lawyer.id, suspend ? 'suspended' : 'active')
      setLawyers((current) => current && current.map((l) => (l.id === saved.id ? saved : l)))
    } catch (error) {
      void Taro.showModal({ title: '没有成功', content: errorMessage(error), showCancel: false })
    }
  }

  if (problem) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!lawyers || !sessions) return <PageState kind='loading' />
  if (open) return <SessionQuestions session={open} onBack={() => setOpen(null)} />
  if (mode === 'invite') return <InviteLawyerForm onDone={(lawyer) => { if (lawyer) setLawyers([...lawyers, lawyer]); setMode('list') }} />
  if (editing) {
    return (
      <ScheduleForm
        lawyers={lawyers.filter((l) => l.status === 'active')}
        editing={editing}
        onDone={(saved) => {
          if (saved) setSessions(sessions.map((s) => (s.id === saved.id ? saved : s)))
          setEditing(null)
        }}
      />
    )
  }
  if (mode === 'schedule') return <ScheduleForm lawyers={lawyers.filter((l) => l.status === 'active')} onDone={(session) => { if (session) setSessions([session, ...sessions]); setMode('list') }} />
  return (
    <View className='qa qa-desk'>
      <View className='qa-desk__column'>
        <Text className='section-title'>各期答疑</Text>
        <Button className='btn btn-primary' onClick={() => setMode('schedule')}>安排新一期</Button>
        {sessions.length === 0 ? (
          <View className='card'><PageState kind='empty' title='还没有安排答疑' description='点“安排新一期”：期数、主题、时间和值班律师。' /></View>
        ) : (
          sessions.map((session) => (
            <View key={session.id}>
              <SessionCard session={session} onOpen={() => setOpen(session)} />
              {session.open && (
                <Button className='btn btn-plain' onClick={() => setEditing(session)}>
                  修改{session.title}的主题、时间或律师
                </Button>
              )}
            </View>
          ))
        )}
      </View>
      <View className='qa-desk__column'>
        <Text className='section-title'>律师团（{lawyers.length}）</Text>
        <Button className='btn btn-secondary' onClick={() => setMode('invite')}>邀请律师</Button>
        {lawyers.length === 0 ? (
          <View className='card'><PageState kind='empty' title='律师团还没有律师' description='点“邀请律师”，填手机号、律所和执业证号。' /></View>
        ) : (
          lawyers.map((lawyer) => (
            <View key={lawyer.id} className='card qa-lawyer' aria-label={lawyer.name}>
              <View className='qa-session__head'>
                <Text className='qa-session__title'>{lawyer.name}</Text>
                {lawyer.status === 'suspended' && <Text className='qa-badge'>已暂停</Text>}
              </View>
              <Text className='qa-line'>{lawyer.firm}</Text>
              <Text className='qa-line muted'>执业证号 {lawyer.licenceNo} · {lawyer.phone ?? '无手机号'}</Text>
              <Button className='btn btn-plain' onClick={() => void toggle(lawyer)}>{lawyer.status === 'active' ? '暂停' : '恢复'}</Button>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
