import { randomUUID } from 'node:crypto'
import { chinaDateTime } from '../../china-time'
import { PERFORMANCE_SOURCE_LABELS, UNPERFORMED_REASON_LABELS, type UnperformedReason } from '../../../../src/contract/performance'
import type { Db } from '../../db/database'
import { insertComplaintEvent, nextEventTime } from '../complaints/complaint-events.repository'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { liaisonsOf } from '../mediation/mediation.repository'
import { COMPLAINT_LINKS, staffIds } from '../notifications/complaint-notifications'
import { notify } from '../notifications/notify'
import type { FollowUpRow } from './performance.repository'

export type PerformanceStep = 'asked' | 'confirmed' | 'unperformed' | 'reopened' | 'retry' | 'closed' | 'handle_overdue'

interface StepInput {
  complaint: ComplaintRow
  followUp: FollowUpRow
  step: PerformanceStep
  actor: { id: string | null; role: 'consumer' | 'staff' | 'system' }
  note: string | null
  data: Record<string, unknown>
  now: Date
}

type Message = { title: string; body: string }
type Audience = 'consumer' | 'business' | 'mediator'

const dateTime = (iso: string | null | undefined) => (iso ? chinaDateTime(iso) : '')

/** What each party is told at each step; a party missing from a step is not told. */
function messages(input: StepInput): Partial<Record<Audience, Message>> {
  const { complaint: c, followUp: f, data } = input
  const what = `${c.business_name}（${c.number}）`
  const reason = UNPERFORMED_REASON_LABELS[(data.reason ?? f.unperformed_reason ?? 'no_answer') as UnperformedReason]
  switch (input.step) {
    case 'asked':
      return {
        consumer: {
          title: '钱/货收到了吗？',
          body: `${what}的${PERFORMANCE_SOURCE_LABELS[f.source]}约定 ${f.due_date} 前履行。请告诉我们：已收到、部分收到还是没收到（${dateTime(data.answerDueAt as string)}前）`,
        },
      }
    case 'confirmed':
      return {
        consumer: { title: '已确认收到，投诉办结', body: `${what}：您确认已收到。商家如果后来没有做到，${dateTime(data.reopenUntil as string)}前可以重新打开投诉` },
        business: { title: '消费者确认已收到', body: `${what}：消费者确认已收到，记为已履行` },
      }
    case 'unperformed':
    case 'reopened':
      return {
        consumer: { title: '已转调解员跟进', body: `${what}：${reason}，调解员将在 ${dateTime(data.handleDueAt as string)} 前跟进处理` },
        business: { title: '消费者反映未履行', body: `${what}：${reason}，请尽快履行并联系调解员` },
        mediator: { title: '未履行：请跟进', body: `${what}：${reason}${f.partial_note || data.partialNote ? `（已收到：${String(data.partialNote ?? f.partial_note)}）` : ''}，请在 ${dateTime(data.handleDueAt as string)} 前处理` },
      }
    case 'retry':
      return {
        consumer: { title: '商家有了新的履行期限', body: `${what}：经调解员督促，商家将在 ${String(data.dueDate)} 前履行，到时会再请您确认` },
        business: { title: '新的履行期限', body: `${what}：请在 ${String(data.dueDate)} 前履行，到期后消费者会确认是否收到` },
      }
    case 'closed':
      return { consumer: { title: '未履行，调解员已结案', body: `${what}：${input.note ?? ''}` } }
    case 'handle_overdue':
      return { mediator: { title: '未履行案件已超过处理期限', body: `${what}：${reason}，处理期限 ${dateTime(f.handle_due_at)} 已过` } }
  }
}

const EVENT_TYPES = {
  asked: 'performance_asked',
  confirmed: 'performance_confirmed',
  unperformed: 'performance_unperformed',
  reopened: 'performance_reopened',
  retry: 'performance_retry',
  closed: 'performance_closed',
} as const

/**
 * Records a step of the follow-up on the case's timeline and tells the parties, in the step's
 * transaction (the outbox sends later). Keys are per step and time, so a retried transaction or a
 * second worker writes nothing twice.
 */
export async function recordPerformanceStep(trx: Db, input: StepInput): Promise<void> {
  const { complaint, followUp, step, now } = input
  if (step !== 'handle_overdue') {
    await insertComplaintEvent(trx, {
      id: randomUUID(),
      complaint_id: complaint.id,
      type: EVENT_TYPES[step],
      actor_id: input.actor.id,
      actor_role: input.actor.role,
      note: input.note,
      from_status: null,
      to_status: null,
      created_at: await nextEventTime(trx, complaint.id, now),
      data: JSON.stringify(input.data),
    })
  }
  const mediators = followUp.mediator_id ? [followUp.mediator_id] : await staffIds(trx, complaint)
  const audiences: Record<Audience, { ids: string[]; link: string }> = {
    consumer: { ids: [complaint.consumer_id], link: COMPLAINT_LINKS.consumer },
    business: { ids: await liaisonsOf(trx, complaint.enterprise_id), link: COMPLAINT_LINKS.enterprise },
    mediator: { ids: mediators, link: COMPLAINT_LINKS.staff },
  }
  const told = messages(input)
  for (const audience of Object.keys(told) as Audience[]) {
    const message = told[audience]!
    for (const recipientId of new Set(audiences[audience].ids)) {
      await notify(trx, {
        recipientId,
        type: step === 'handle_overdue' ? 'deadline' : 'performance_check',
        title: message.title,
        body: message.body,
        link: audiences[audience].link + complaint.id,
        complaintId: complaint.id,
        sourceKey: `performance:${step}:${complaint.id}:${now.toISOString()}:${recipientId}`,
        now,
      })
    }
  }
}
