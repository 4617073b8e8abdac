import { sessionTimeLabel, type RoomMessage, type RoomMessagePage, type RoomParty, type RoomSession, type RoomThread } from '@/contract/mediation'

/** Who said it, as the reader calls them: 您 for one's own, 调解员, 商家, 消费者. */
export function speakerLabel(message: Pick<RoomMessage, 'mine' | 'party' | 'authorName'>, me: RoomParty): string {
  if (message.mine) return '您'
  const role = message.party === 'mediator' ? '调解员' : message.party === 'enterprise' ? '商家' : '消费者'
  // Staff see names too (several mediators may share a case).
  return me === 'mediator' && message.authorName ? `${role}（${message.authorName}）` : role
}

/** New messages into a loaded list: by seq, each once. */
export function mergeMessages(existing: readonly RoomMessage[], incoming: readonly RoomMessage[]): RoomMessage[] {
  const bySeq = new Map(existing.map((m) => [m.seq, m]))
  for (const message of incoming) bySeq.set(message.seq, message)
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/** 已读 under one's own message when everyone else in the thread has read up to it. */
export function readMark(message: RoomMessage, thread: RoomThread, readUpTo: RoomMessagePage['readUpTo'], me: RoomParty, hasBusiness: boolean): string | null {
  if (!message.mine) return null
  const others: RoomParty[] = (thread === 'shared' ? (['consumer', 'enterprise', 'mediator'] as const) : thread === 'notes' ? [] : ([thread, 'mediator'] as const)).filter(
    (party) => party !== me && (party !== 'enterprise' || hasBusiness),
  )
  if (others.length === 0) return null
  return others.every((party) => readUpTo[party] >= message.seq) ? '已读' : '未读'
}

/** The line at the top of the room: 下次调解：12月8日 周二 14:30 · 请确认 */
export function sessionLine(session: RoomSession | null, me: RoomParty): string {
  if (!session) return me === 'mediator' ? '还没有安排调解时间' : '调解员还没有安排调解时间'
  if (session.live) return `调解进行中（${sessionTimeLabel(session.startsAt)} 开始）`
  const when = `下次调解：${sessionTimeLabel(session.startsAt)}`
  if (session.status === 'confirmed') return `${when} · 双方已确认`
  if (me === 'mediator') {
    const moved = [session.consumer, session.enterprise].find((answer) => answer?.answer === 'other_time' && answer.suggestedAt)
    return moved ? `${when} · 有一方希望改到 ${sessionTimeLabel(moved.suggestedAt!)}` : `${when} · 等待双方确认`
  }
  const mine = me === 'consumer' ? session.consumer : session.enterprise
  if (mine?.answer === 'confirmed') return `${when} · 您已确认，等待对方确认`
  if (mine?.answer === 'other_time') return `${when} · 您已请求换个时间`
  return `${when} · 请确认`
}

export const THREAD_TAB_LABELS: Record<RoomParty, Partial<Record<RoomThread, string>>> = {
  consumer: { shared: '三方调解', consumer: '只和调解员说' },
  enterprise: { shared: '三方调解', enterprise: '只和调解员说' },
  mediator: { shared: '三方调解', consumer: '单独：消费者', enterprise: '单独：商家', notes: '我的笔记' },
}

/** Who is in the room now, in words. */
export function presenceLine(present: readonly RoomParty[], me: RoomParty): string {
  const others = present.filter((party) => party !== me).map((party) => (party === 'mediator' ? '调解员' : party === 'enterprise' ? '商家' : '消费者'))
  return others.length === 0 ? '其他人暂时不在调解室' : `${others.join('、')}在调解室`
}
