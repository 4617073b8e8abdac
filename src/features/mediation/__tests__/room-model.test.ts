import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { RoomMessage, RoomSession } from '@/contract/mediation'
import { mergeMessages, presenceLine, readMark, sessionLine, speakerLabel } from '../room-model'

const message = (seq: number, change: Partial<RoomMessage> = {}): RoomMessage => ({
  id: `m${seq}`,
  seq,
  thread: 'shared',
  party: 'consumer',
  mine: false,
  authorName: '王阿姨',
  text: `第${seq}条`,
  photos: [],
  createdAt: '2026-12-08T06:30:00.000Z',
  ...change,
})
const answer = (value: 'pending' | 'confirmed' | 'other_time', suggestedAt: string | null = null) => ({ answer: value, suggestedAt, absent: false })
const session = (change: Partial<RoomSession> = {}): RoomSession => ({
  id: 's1',
  startsAt: '2026-12-08T06:30:00.000Z',
  status: 'proposed',
  consumer: answer('pending'),
  enterprise: answer('pending'),
  live: false,
  ...change,
})

describe('the room as a reader sees it', () => {
  test('who said it: 您 for one’s own, 调解员 and 商家 for the others; staff see names', () => {
    assert.equal(speakerLabel(message(1, { mine: true }), 'consumer'), '您')
    assert.equal(speakerLabel(message(1, { party: 'mediator', authorName: null }), 'consumer'), '调解员')
    assert.equal(speakerLabel(message(1, { party: 'enterprise', authorName: null }), 'consumer'), '商家')
    assert.equal(speakerLabel(message(1), 'mediator'), '消费者（王阿姨）')
  })

  test('merging keeps each message once, in order', () => {
    const merged = mergeMessages([message(1), message(3)], [message(3), message(2), message(4)])
    assert.deepEqual(merged.map((m) => m.seq), [1, 2, 3, 4])
  })

  test('已读 once everyone else in the thread read it; a side thread waits for the mediator only', () => {
    const mine = message(5, { mine: true })
    assert.equal(readMark(mine, 'shared', { consumer: 5, enterprise: 4, mediator: 5 }, 'consumer', true), '未读')
    assert.equal(readMark(mine, 'shared', { consumer: 5, enterprise: 5, mediator: 5 }, 'consumer', true), '已读')
    assert.equal(readMark(mine, 'shared', { consumer: 5, enterprise: 0, mediator: 5 }, 'consumer', false), '已读')
    assert.equal(readMark(mine, 'consumer', { consumer: 5, enterprise: 0, mediator: 5 }, 'consumer', true), '已读')
    assert.equal(readMark(message(5), 'shared', { consumer: 0, enterprise: 0, mediator: 0 }, 'consumer', true), null)
  })

  test('the session line says what to do: 请确认, waiting, moved, on now', () => {
    assert.equal(sessionLine(session(), 'consumer'), '下次调解：12月8日 周二 14:30 · 请确认')
    assert.equal(sessionLine(session({ consumer: answer('confirmed') }), 'consumer'), '下次调解：12月8日 周二 14:30 · 您已确认，等待对方确认')
    assert.equal(sessionLine(session({ enterprise: answer('other_time', '2026-12-09T02:00:00.000Z') }), 'mediator'), '下次调解：12月8日 周二 14:30 · 有一方希望改到 12月9日 周三 10:00')
    assert.equal(sessionLine(session({ status: 'confirmed', live: true }), 'enterprise'), '调解进行中（12月8日 周二 14:30 开始）')
    assert.equal(sessionLine(null, 'consumer'), '调解员还没有安排调解时间')
  })

  test('presence names the others only', () => {
    assert.equal(presenceLine(['mediator', 'consumer'], 'consumer'), '调解员在调解室')
    assert.equal(presenceLine(['consumer'], 'consumer'), '其他人暂时不在调解室')
  })
})
