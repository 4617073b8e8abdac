import type { Insertable } from 'kysely'
import { offerSummary } from '../../../../src/contract/complaint-rules'
import { COMPLAINT_EVENT_LABELS } from '../../../../src/contract/complaint-events'
import { COMPLAINT_STATUS_LABELS } from '../../../../src/contract/complaint-status'
import { MOVE_EVENT_LABELS } from '../../../../src/contract/complaint-moves'
import type { NotificationType } from '../../../../src/contract/notification'
import type { Db } from '../../db/database'
import type { ComplaintEventTable } from '../../db/schema'
import { notify } from './notify'
import { pathIds, staffOfOrganizations } from '../organizations/organizations.repository'

type Audience = 'consumer' | 'enterprise' | 'staff'

const LINKS: Record<Audience, string> = {
  consumer: '/packages/complaint/pages/detail/index?id=',
  enterprise: '/packages/enterprise/pages/complaint/index?id=',
  staff: '/packages/staff/pages/complaint/index?id=',
}

export const COMPLAINT_LINKS = LINKS

/** The liaisons of the complaint's enterprise, while it is in the ODR green channel. */
export async function liaisonIds(db: Db, complaint: { path: string; enterprise_id: string | null }): Promise<string[]> {
  if (complaint.path !== 'odr' || !complaint.enterprise_id) return []
  const rows = await db.selectFrom('users').select('id').where('enterprise_id', '=', complaint.enterprise_id).where('role', '=', 'enterprise').where('disabled', '=', 0).execute()
  return rows.map((u) => u.id)
}

/**
 * The assigned staff member, or while nobody is assigned every staff member who may see the case:
 * those of the organization holding it and of the organizations above it (never a sibling's).
 */
export async function staffIds(db: Db, complaint: { assigned_staff_id: string | null; organization_path?: string | null }): Promise<string[]> {
  if (complaint.assigned_staff_id) return [complaint.assigned_staff_id]
  if (complaint.organization_path) return staffOfOrganizations(db, pathIds(complaint.organization_path))
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'staff').where('disabled', '=', 0).execute()
  return rows.map((u) => u.id)
}

const MOVES: ReadonlySet<string> = new Set(['transfer', 'hand_down', 'take_up', 'alliance'])
const ENTERPRISE_STEPS = new Set(['submitted', 'enterprise_handling', 'enterprise_proposed'])

interface Recipient {
  userId: string
  audience: Audience
  type: NotificationType
  title: string
  /** Instead of the complaint page (the agreement's own page). */
  link?: string
}

const AGREEMENT_EVENTS: ReadonlySet<string> = new Set(['agreement_drafted', 'agreement_revised', 'agreement_signatures_voided', 'agreement_signed', 'agreement_effective'])
const AGREEMENT_LINKS: Record<Audience, string> = {
  consumer: '/packages/agreement/pages/sign/index?id=',
  enterprise: '/packages/agreement/pages/sign/index?id=',
  staff: '/packages/agreement/pages/draft/index?id=',
}

/** The business's liaisons on any path: the business is a party to a mediation agreement on the association path too. */
async function businessIds(db: Db, enterpriseId: string | null): Promise<string[]> {
  if (!enterpriseId) return []
  const rows = await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('role', '=', 'enterprise').where('disabled', '=', 0).execute()
  return rows.map((u) => u.id)
}

/**
 * Turns one complaint event into notifications for the people it concerns, in the event's own
 * transaction (called from insertComplaintEvent, the one place events are written). The actor is
 * never told about their own action.
 */
export async function notifyComplaintEvent(trx: Db, event: Omit<Insertable<ComplaintEventTable>, 'seq' | 'chain_hash'>): Promise<void> {
  const complaint = await trx
    .selectFrom('complaints')
    .select(['id', 'number', 'consumer_id', 'enterprise_id', 'assigned_staff_id', 'path', 'status', 'business_name', 'due_kind', 'organization_path'])
    .where('id', '=', event.complaint_id)
    .executeTakeFirst()
  if (!complaint) return
  const liaisons = () => liaisonIds(trx, complaint)
  const staff = () => staffIds(trx, complaint)

  const recipients: Recipient[] = []
  const add = (ids: string[], audience: Audience, type: NotificationType, title: string) => {
    const link = AGREEMENT_EVENTS.has(event.type) ? AGREEMENT_LINKS[audience] : undefined
    for (const userId of ids) recipients.push({ userId, audience, type, title, ...(link ? { link } : {}) })
  }
  const consumer = [complaint.consumer_id]
  const statusTitle = `投诉进度：${COMPLAINT_STATUS_LABELS[complaint.status]}`
  const label = ({ ...COMPLAINT_EVENT_LABELS, ...MOVE_EVENT_LABELS } as Record<string, string>)[event.type] ?? event.type
  const atEnterprise = ENTERPRISE_STEPS.has(complaint.status)

  switch (event.type) {
    case 'submitted':
      if (complaint.status === 'awaiting_review') add(await staff(), 'staff', 'complaint_assigned', '新投诉待受理')
      else add(await liaisons(), 'enterprise', 'complaint_assigned', '新投诉待处理')
      break
    case 'message':
    case 'evidence_added':
    case 'repeat_merged':
      if (event.actor_id === complaint.consumer_id) {
        if (atEnterprise) add(await liaisons(), 'enterprise', 'complaint_message', '消费者补充了说明')
        else if (complaint.assigned_staff_id) add([complaint.assigned_staff_id], 'staff', 'complaint_message', '消费者补充了说明')
      } else {
        add(consumer, 'consumer', 'complaint_message', '您的投诉有新留言')
      }
      break
    case 'propose':
      add(consumer, 'consumer', 'proposal_received', '商家提出了处理方案')
      // Recorded by staff for a whole group (集体投诉统一处理): the enterprise is told what it is held to on this case.
      if (event.actor_role === 'staff') add(await liaisons(), 'enterprise', 'complaint_status', '消协记录了集体投诉的统一方案')
      break
    case 'request_info':
      add(consumer, 'consumer', 'info_requested', '商家请您补充信息')
      break
    case 'overdue':
      if (event.data && JSON.parse(event.data).dueKind === 'enterprise_response') add(await liaisons(), 'enterprise', 'deadline', '投诉已超过答复时限')
      else add(await staff(), 'staff', 'deadline', '投诉已超过处理时限')
      break
    case 'assign':
      if (complaint.assigned_staff_id) add([complaint.assigned_staff_id], 'staff', 'complaint_assigned', '您被指派承办一件投诉')
      break
    case 'note':
    case 'rate':
      break
    case 'group_joined':
      add(consumer, 'consumer', 'complaint_status', '您的投诉已并入集体投诉')
      break
    case 'group_note':
      add(consumer, 'consumer', 'complaint_status', '集体投诉有新的督办进展')
      break
    case 'agreement_drafted':
    case 'agreement_revised':
    case 'agreement_signatures_voided':
    case 'agreement_signed':
    case 'agreement_effective':
      add(consumer, 'consumer', 'complaint_status', label)
      add(await businessIds(trx, complaint.enterprise_id), 'enterprise', 'complaint_status', label)
      if (event.type === 'agreement_signed' || event.type === 'agreement_effective') add(await staff(), 'staff', 'complaint_status', label)
      break
    case 'court_referred':
      add(consumer, 'consumer', 'complaint_status', '法院委托消协调解您的纠纷')
      break
    case 'lawyer_opinion':
      add(consumer, 'consumer', 'complaint_status', '律师给出了法律意见')
      add(await staff(), 'staff', 'complaint_message', '律师给出了法律意见')
      break
    case 'litigation_letter_issued':
      add(consumer, 'consumer', 'complaint_status', '消协已为您出具支持诉讼函，可在投诉详情中下载')
      break
    case 'transfer':
    case 'hand_down':
    case 'take_up':
    case 'alliance':
      // The note says where the case went and why (transferSentence); the receiving staff review it.
      add(consumer, 'consumer', 'complaint_status', `投诉已${label}`)
      add(await staff(), 'staff', 'complaint_assigned', `${label}来的投诉待受理`)
      break
    default:
      add(consumer, 'consumer', 'complaint_status', statusTitle)
      if (complaint.status === 'awaiting_review') add(await staff(), 'staff', 'complaint_assigned', '新投诉待受理')
      if (['withdrawn', 'accept_proposal', 'reject_proposal'].includes(event.type) && event.from_status && ENTERPRISE_STEPS.has(event.from_status)) {
        add(await liaisons(), 'enterprise', 'complaint_status', statusTitle)
      }
      if (event.type === 'escalate') add(await liaisons(), 'enterprise', 'deadline', '已超过答复时限，投诉转消协处理')
      if (event.type === 'withdrawn' && complaint.assigned_staff_id) add([complaint.assigned_staff_id], 'staff', 'complaint_status', statusTitle)
  }

  const seen = new Set<string>()
  // A proposal says what is offered, so the consumer can weigh it from the notification (and the SMS) alone.
  const offer = event.type === 'propose' && event.data ? (JSON.parse(event.data) as { amountFen: number; promisedDate: string }) : null
  // A referral says where to go, so the consumer can act on the notification (and the SMS) alone.
  const referral = event.type === 'refer' && event.data ? (JSON.parse(event.data) as { destination: { name: string; hotline: string | null } }).destination : null
  // In id order, so two transactions take their recipients' seq counters in the same order (no deadlock).
  for (const r of [...recipients].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))) {
    if (r.userId === event.actor_id || seen.has(r.userId)) continue
    seen.add(r.userId)
    await notify(trx, {
      recipientId: r.userId,
      type: r.type,
      title: r.title,
      body: offer
        ? `${offerSummary(offer)}（${complaint.business_name} ${complaint.number}）`
        : referral
          ? `请向${referral.name}${referral.hotline ? `（电话 ${referral.hotline}）` : ''}反映（${complaint.business_name} ${complaint.number}）`
          : `${complaint.business_name}（${complaint.number}）：${MOVES.has(event.type) && r.audience === 'consumer' && event.note ? event.note : label}`,
      link: (r.link ?? LINKS[r.audience]) + complaint.id,
      complaintId: complaint.id,
      sourceKey: `complaint-event:${event.id}:${r.userId}`,
      now: new Date(event.created_at),
    })
  }
}
