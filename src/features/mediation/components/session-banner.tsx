import { useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROOM_PARTY_LABELS, sessionTimeLabel, type RoomState } from '@/contract/mediation'
import { errorMessage } from '@/lib/http'
import { answerSession, proposeSession, recordAbsence } from '../api/room'
import { sessionLine } from '../room-model'
import { useRoomStore } from '../stores/use-room-store'

const RED = '#b71c1c'

/** A China date and time picked on the phone → the instant (China keeps UTC+8 all year). */
function chinaInstant(date: string, time: string): string {
  return new Date(Date.parse(`${date}T${time}:00.000+08:00`)).toISOString()
}

function chinaParts(iso: string): { date: string; time: string } {
  const china = new Date(Date.parse(iso) + 8 * 3600_000).toISOString()
  return { date: china.slice(0, 10), time: china.slice(11, 16) }
}

/** 日期 + 时间 pickers with big tap targets. */
function TimePick({ value, onChange }: { value: { date: string; time: string }; onChange(next: { date: string; time: string }): void }) {
  return (
    <View className='session__pick'>
      <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
        <View className='session__pick-field' aria-label='选择日期'>
          日期：{value.date}
        </View>
      </Picker>
      <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
        <View className='session__pick-field' aria-label='选择时间'>
          时间：{value.time}
        </View>
      </Picker>
    </View>
  )
}

/**
 * The session line at the top of the room (下次调解：12月8日 周二 14:30 · 请确认) with what the
 * reader can do about it: parties confirm or ask for another time; the mediator proposes a time and,
 * once a confirmed session has started, records who did not come.
 */
export function SessionBanner({ room }: { room: RoomState }) {
  const setRoom = useRoomStore((s) => s.setRoom)
  const refresh = useRoomStore((s) => s.refresh)
  const session = room.session
  const tomorrow = chinaParts(new Date(Date.now() + 24 * 3600_000).toISOString())
  const [picking, setPicking] = useState(false)
  const [when, setWhen] = useState({ date: tomorrow.date, time: '14:30' })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')

  async function run(action: () => Promise<RoomState>) {
    if (busy) return
    setBusy(true)
    setProblem('')
    try {
      setRoom(await action())
      setPicking(false)
      await refresh()
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  async function absent(party: 'consumer' | 'enterprise') {
    if (!session) return
    const { confirm } = await Taro.showModal({
      title: '记录缺席',
      content: `确定记录${ROOM_PARTY_LABELS[party]}无正当理由没有参加 ${sessionTimeLabel(session.startsAt)} 的调解吗？双方都会看到这条记录。`,
      confirmText: '记录',
      cancelText: '不记录',
      confirmColor: RED,
    })
    if (confirm) await run(() => recordAbsence(room.complaintId, session.id, { party }))
  }

  const mine = session && room.me !== 'mediator' ? (room.me === 'consumer' ? session.consumer : session.enterprise) : null
  const mayAnswer = room.canWrite && session && !session.live && mine && mine.answer !== 'confirmed' && Date.parse(session.startsAt) > Date.now()
  const started = session && session.status === 'confirmed' && Date.parse(session.startsAt) <= Date.now()
  const suggested = session && [session.consumer, session.enterprise].find((a) => a?.answer === 'other_time' && a.suggestedAt)?.suggestedAt
  return (
    <View className={`session${session?.live ? ' session--live' : ''}`} data-testid='session-banner'>
      <Text className='session__line'>{sessionLine(session, room.me)}</Text>
      {mayAnswer && !picking && (
        <View className='session__buttons'>
          <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void run(() => answerSession(room.complaintId, session.id, { answer: 'confirmed' }))}>
            确认参加
          </Button>
          <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => setPicking(true)}>
            换个时间
          </Button>
        </View>
      )}
      {room.me === 'mediator' && room.canWrite && !picking && (
        <Button
          className='btn btn-secondary session__propose'
          onClick={() => {
            if (suggested) setWhen(chinaParts(suggested))
            setPicking(true)
          }}
        >
          {session ? '重新安排调解时间' : '安排调解时间'}
        </Button>
      )}
      {picking && (
        <View className='session__picker'>
          <Text className='session__ask'>{room.me === 'mediator' ? '调解时间定在：' : '您方便的时间：'}</Text>
          <TimePick value={when} onChange={setWhen} />
          <View className='session__buttons'>
            <Button
              className='btn btn-primary'
              disabled={busy || undefined}
              onClick={() => {
                const at = chinaInstant(when.date, when.time)
                void run(() =>
                  room.me === 'mediator' ? proposeSession(room.complaintId, at) : answerSession(room.complaintId, session!.id, { answer: 'other_time', suggestedAt: at }),
                )
              }}
            >
              {room.me === 'mediator' ? '发出安排' : '发送建议时间'}
            </Button>
            <Button className='btn btn-plain' onClick={() => setPicking(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
      {room.me === 'mediator' && room.canWrite && started && session && (
        <View className='session__buttons'>
          {!session.consumer.absent && (
            <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => void absent('consumer')}>
              记录消费者缺席
            </Button>
          )}
          {session.enterprise && !session.enterprise.absent && (
            <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => void absent('enterprise')}>
              记录商家缺席
            </Button>
          )}
        </View>
      )}
      {problem && <Text className='field-error'>{problem}</Text>}
    </View>
  )
}
