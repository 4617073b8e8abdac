import { randomUUID } from 'node:crypto'
import type { ConsumerGroupView, GroupEvent, StaffGroupDetail, StaffGroupSummary } from '../../../../src/contract/complaint-group'
import { fenToYuan } from '../../../../src/contract/complaint-rules'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import type { ComplaintGroupEventTable } from '../../db/schema-groups'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { insertComplaintEvent, nextEventTime } from '../complaints/complaint-events.repository'
import { findComplaintById, OPEN_STATUSES, type ComplaintRow } from '../complaints/complaints.repository'
import { findOrganizationById } from '../organizations/organizations.repository'
import { staffScope } from '../organizations/organization-scope'
import { addMember } from './group-formation.service'
import { enterpriseRepliesQuery, findGroupById, groupEventsQuery, groupsVisibleTo, membersQuery, openGroupQuery, visibleGroupsQuery, type GroupRow } from './groups.repository'

function toSummary(group: GroupRow, organizationName: string): StaffGroupSummary {
  return {
    id: group.id,
    businessName: group.business_name,
    enterpriseId: group.enterprise_id,
    organization: { id: group.organization_id, name: organizationName },
    status: group.status,
    memberCount: Number(group.member_count),
    amountFen: Number(group.amount_fen),
    formedAt: group.formed_at,
    closedAt: group.closed_at,
    threshold: Number(group.threshold),
    windowDays: Number(group.window_days),
  }
}

const toEvent = (row: { id: string; type: ComplaintGroupEventTable['type']; note: string | null; created_at: string }): GroupEvent => ({ id: row.id, type: row.type, note: row.note, createdAt: row.created_at })

/** 重点督办: the groups held by the caller's organization and those below it. */
export async function listStaffGroups(ctx: AppContext, user: AuthUser): Promise<StaffGroupSummary[]> {
  const rows = await visibleGroupsQuery(ctx.db, groupsVisibleTo(await staffScope(ctx.db, user.id))).execute()
  return rows.map((row) => toSummary(row, row.organization_name))
}

/** A group the caller may see, else 404 (a sibling's group is answered as if it did not exist). */
export async function findVisibleGroup(ctx: AppContext, user: AuthUser, id: string): Promise<GroupRow> {
  const group = await findGroupById(ctx.db, id)
  const scope = await staffScope(ctx.db, user.id)
  if (!group || !group.organization_path.startsWith(scope.organization.path)) throw new AppError(404, 'GROUP_NOT_FOUND')
  return group
}

export async function getStaffGroup(ctx: AppContext, user: AuthUser, id: string): Promise<StaffGroupDetail> {
  return staffGroupDetail(ctx, await findVisibleGroup(ctx, user, id))
}

export async function staffGroupDetail(ctx: AppContext, group: GroupRow): Promise<StaffGroupDetail> {
  const organization = await findOrganizationById(ctx.db, group.organization_id)
  const members = await membersQuery(ctx.db, group.id).execute()
  const replies = await enterpriseRepliesQuery(ctx.db, members.map((m) => m.id)).execute()
  return {
    ...toSummary(group, organization?.name ?? ''),
    members: members.map((m) => ({ complaintId: m.id, number: m.number, status: m.status, path: m.path, amountFen: Number(m.amount_fen), createdAt: m.created_at })),
    events: (await groupEventsQuery(ctx.db, group.id).execute()).map(toEvent),
    replies: replies.map((r) => ({ complaintNumber: r.number, type: r.type, note: r.note, createdAt: r.created_at })),
    version: Number(group.version),
  }
}

/**
 * One 督办 note for the whole group: recorded on every member's timeline with that member's own
 * amount (the consumer is told), and once on the group's.
 */
export async function addGroupNote(ctx: AppContext, user: AuthUser, id: string, note: string): Promise<StaffGroupDetail> {
  const scope = await staffScope(ctx.db, user.id)
  if (!scope.canMediate) throw new AppError(403, 'FORBIDDEN', '您没有处理投诉的权限')
  const group = await findVisibleGroup(ctx, user, id)
  if (group.status !== 'open') throw new AppError(409, 'GROUP_CLOSED')
  const text = note.trim()
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await stillOpen(trx, group.id, now))) throw new AppError(409, 'GROUP_CLOSED')
    for (const member of await membersQuery(trx, group.id).execute()) {
      await insertComplaintEvent(trx, {
        id: randomUUID(),
        complaint_id: member.id,
        type: 'group_note',
        actor_id: user.id,
        actor_role: 'staff',
        note: `${text}（本案金额 ${fenToYuan(Number(member.amount_fen))} 元）`,
        from_status: null,
        to_status: null,
        created_at: await nextEventTime(trx, member.id, now),
        data: JSON.stringify({ groupId: group.id, amountFen: Number(member.amount_fen) }),
      })
    }
    await trx.insertInto('complaint_group_events').values({ id: randomUUID(), group_id: group.id, type: 'note', actor_id: user.id, note: text, created_at: now.toISOString() }).execute()
  })
  return staffGroupDetail(ctx, (await findGroupById(ctx.db, group.id))!)
}

/** 已办结: the group leaves the open list; its members' cases go on by themselves. */
export async function closeGroup(ctx: AppContext, user: AuthUser, id: string, note: string): Promise<StaffGroupDetail> {
  const scope = await staffScope(ctx.db, user.id)
  if (!scope.canMediate) throw new AppError(403, 'FORBIDDEN', '您没有处理投诉的权限')
  const group = await findVisibleGroup(ctx, user, id)
  const now = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('complaint_groups')
      .set({ status: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', group.id)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (Number(closed.numUpdatedRows) !== 1) throw new AppError(409, 'GROUP_CLOSED', '这个集体投诉已经办结')
    await trx.insertInto('complaint_group_events').values({ id: randomUUID(), group_id: group.id, type: 'closed', actor_id: user.id, note: note.trim(), created_at: now }).execute()
  })
  return staffGroupDetail(ctx, (await findGroupById(ctx.db, group.id))!)
}

/** Locks the group row and counts a change to it (version); false when it was closed meanwhile. */
async function stillOpen(trx: Db, id: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('complaint_groups')
    .set((eb) => ({ updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The consumer's own complaint, else 404 as for any complaint they cannot see. */
async function ownComplaint(ctx: AppContext, user: AuthUser, complaintId: string): Promise<ComplaintRow> {
  const complaint = await findComplaintById(ctx.db, complaintId)
  if (!complaint || complaint.consumer_id !== user.id) throw new AppError(404, 'NOT_FOUND', '没有找到这件投诉')
  return complaint
}

/** The group the complaint is in, or the open group about its business it may join; size and progress only. */
export async function consumerGroupView(ctx: AppContext, user: AuthUser, complaintId: string): Promise<ConsumerGroupView> {
  const complaint = await ownComplaint(ctx, user, complaintId)
  const group = complaint.group_id
    ? await findGroupById(ctx.db, complaint.group_id)
    : complaint.group_key && OPEN_STATUSES.includes(complaint.status)
      ? await openGroupQuery(ctx.db, complaint.group_key).executeTakeFirst()
      : undefined
  if (!group) return { group: null }
  const events = (await groupEventsQuery(ctx.db, group.id).execute()).map(toEvent)
  return {
    group: { id: group.id, businessName: group.business_name, status: group.status, memberCount: Number(group.member_count), formedAt: group.formed_at, member: complaint.group_id === group.id, events },
  }
}

/**
 * 集体投诉 in one tap: the consumer's own open complaint about the group's business joins the open
 * group. Anything else is refused with nothing changed.
 */
export async function joinGroup(ctx: AppContext, user: AuthUser, groupId: string, complaintId: string): Promise<ConsumerGroupView> {
  const group = await findGroupById(ctx.db, groupId)
  if (!group) throw new AppError(404, 'GROUP_NOT_FOUND')
  const complaint = await ownComplaint(ctx, user, complaintId)
  if (complaint.group_id) throw new AppError(409, 'GROUP_ALREADY_MEMBER')
  if (complaint.group_key !== group.business_key) throw new AppError(422, 'GROUP_JOIN_NOT_ELIGIBLE')
  if (!OPEN_STATUSES.includes(complaint.status)) throw new AppError(422, 'GROUP_JOIN_NOT_ELIGIBLE', '已经结束的投诉不能加入集体投诉')
  if (group.status !== 'open') throw new AppError(409, 'GROUP_CLOSED')
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await stillOpen(trx, group.id, now))) throw new AppError(409, 'GROUP_CLOSED')
    if (!(await addMember(trx, group, complaint.id, now, { id: user.id, role: user.role === 'volunteer' ? 'volunteer' : 'consumer' }))) throw new AppError(409, 'GROUP_ALREADY_MEMBER')
  })
  return consumerGroupView(ctx, user, complaint.id)
}
