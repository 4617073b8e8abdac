import { randomUUID } from 'node:crypto'
import { GROUP_DEFAULT_THRESHOLD, GROUP_DEFAULT_WINDOW_DAYS } from '../../../../src/contract/complaint-group'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { insertComplaintEvent, nextEventTime } from '../complaints/complaint-events.repository'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { notify } from '../notifications/notify'
import { staffOfOrganizations, type OrganizationRow } from '../organizations/organizations.repository'
import { countUngroupedSince, openGroupQuery, ungroupedSinceQuery, type GroupRow } from './groups.repository'

const DAY_MS = 86_400_000
export const STAFF_GROUP_LINK = '/packages/groups/pages/staff-detail/index?id='

export function groupRulesOf(organization: Pick<OrganizationRow, 'group_threshold' | 'group_window_days'>) {
  return { threshold: organization.group_threshold ?? GROUP_DEFAULT_THRESHOLD, windowDays: organization.group_window_days ?? GROUP_DEFAULT_WINDOW_DAYS }
}

/**
 * After a complaint is filed (its own transaction committed): when the complaints about its business
 * not yet in a group, filed within the window of the organization of the business's region, reach
 * that organization's threshold, they form a group. Two filings crossing the threshold at once both
 * try; the unique index on the open group per business lets one insert, and both then add the
 * complaints filed up to the group's forming (each exactly once, by a conditional update).
 */
export async function detectGroup(ctx: AppContext, complaint: ComplaintRow, organization: OrganizationRow): Promise<GroupRow | null> {
  const key = complaint.group_key
  if (!key) return null
  let group = await openGroupQuery(ctx.db, key).executeTakeFirst()
  if (!group) {
    const { threshold, windowDays } = groupRulesOf(organization)
    const now = ctx.now()
    const since = new Date(now.getTime() - windowDays * DAY_MS).toISOString()
    if ((await countUngroupedSince(ctx.db, key, since)) < threshold) return null
    try {
      await ctx.db.transaction().execute((trx) => formGroup(trx, { complaint, organization, threshold, windowDays, now }))
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
    group = await openGroupQuery(ctx.db, key).executeTakeFirst()
    if (!group) return null
  }
  // Filed before the group formed (the one that formed it, or one racing it whose commit the counting
  // did not see yet): a founding member. Filed later: offered to join (groups.service joinGroup).
  if (complaint.created_at <= group.formed_at) await addFoundingMembers(ctx, group)
  return group
}

async function formGroup(trx: Db, args: { complaint: ComplaintRow; organization: OrganizationRow; threshold: number; windowDays: number; now: Date }) {
  const { complaint, organization, now } = args
  const at = now.toISOString()
  const id = randomUUID()
  await trx
    .insertInto('complaint_groups')
    .values({
      id,
      business_key: complaint.group_key!,
      business_name: complaint.business_name,
      enterprise_id: complaint.enterprise_id,
      organization_id: organization.id,
      organization_path: organization.path,
      status: 'open',
      member_count: 0,
      amount_fen: 0,
      threshold: args.threshold,
      window_days: args.windowDays,
      formed_at: at,
      closed_at: null,
      updated_at: at,
    })
    .execute()
  await trx.insertInto('complaint_group_events').values({ id: randomUUID(), group_id: id, type: 'formed', actor_id: null, note: null, created_at: at }).execute()
  // 重点督办 for the organization of the business's region; 上报 to its parent.
  const body = `${args.windowDays} 天内有 ${args.threshold} 件以上投诉「${complaint.business_name}」，已列入${organization.name}重点督办。`
  const own = await staffOfOrganizations(trx, [organization.id])
  const parent = organization.parent_id ? await staffOfOrganizations(trx, [organization.parent_id]) : []
  const recipients = new Map<string, string>()
  for (const userId of parent) recipients.set(userId, '下级上报群体性投诉')
  for (const userId of own) recipients.set(userId, '群体性投诉：列入重点督办')
  // In id order, so concurrent transactions take the recipients' counters in the same order.
  for (const userId of [...recipients.keys()].sort()) {
    await notify(trx, { recipientId: userId, type: 'complaint_assigned', title: recipients.get(userId)!, body, link: `${STAFF_GROUP_LINK}${id}`, sourceKey: `group:${id}:${userId}`, now })
  }
}

/** The complaints counted when the group formed (filed in its window up to its forming) join it. */
async function addFoundingMembers(ctx: AppContext, group: GroupRow) {
  const since = new Date(new Date(group.formed_at).getTime() - group.window_days * DAY_MS).toISOString()
  const candidates = await ungroupedSinceQuery(ctx.db, group.business_key, since, group.formed_at).select('id').execute()
  if (candidates.length === 0) return
  await ctx.db.transaction().execute(async (trx) => {
    for (const { id } of candidates) await addMember(trx, group, id, ctx.now(), null)
  })
}

/**
 * Puts one complaint into the group, once: false when it is already in a group. Locks the group row
 * first, so two transactions adding members of one group queue up instead of deadlocking.
 */
export async function addMember(trx: Db, group: GroupRow, complaintId: string, now: Date, actor: { id: string; role: 'consumer' | 'volunteer' } | null): Promise<boolean> {
  await trx.updateTable('complaint_groups').set({ updated_at: now.toISOString() }).where('id', '=', group.id).execute()
  const taken = await trx.updateTable('complaints').set({ group_id: group.id }).where('id', '=', complaintId).where('group_id', 'is', null).returning(['amount_fen', 'consumer_id']).executeTakeFirst()
  if (!taken) return false
  await trx
    .updateTable('complaint_groups')
    .set((eb) => ({ member_count: eb('member_count', '+', 1), amount_fen: eb('amount_fen', '+', Number(taken.amount_fen)), version: eb('version', '+', 1) }))
    .where('id', '=', group.id)
    .execute()
  const at = await nextEventTime(trx, complaintId, now)
  await insertComplaintEvent(trx, {
    id: randomUUID(),
    complaint_id: complaintId,
    type: 'group_joined',
    actor_id: actor?.id ?? null,
    actor_role: actor?.role ?? 'system',
    note: `同一商家「${group.business_name}」在 ${group.window_days} 天内收到多件投诉，您的投诉已并入集体投诉，由消协统一督办。`,
    from_status: null,
    to_status: null,
    created_at: at,
    data: JSON.stringify({ groupId: group.id }),
  })
  if (actor) await trx.insertInto('complaint_group_events').values({ id: randomUUID(), group_id: group.id, type: 'joined', actor_id: actor.id, note: null, created_at: at }).execute()
  return true
}
