import { randomUUID } from 'node:crypto'
import type { CreateVolunteerApplicationRequest, VolunteerApplication } from '../../../../src/contract/volunteer'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { notify } from '../notifications/notify'
import { toApplicationDto } from './volunteer-dto'
import { VOLUNTEER_WORKSPACE_LINK } from './volunteer-links'
import {
  decideApplication,
  findApplicationById,
  findLatestApplication,
  insertApplication,
  listApplications,
  type VolunteerApplicationRow,
} from './volunteers.repository'

const LIST_LIMIT = 200

const trimmedOrNull = (text: string | undefined) => (text?.trim() ? text.trim() : null)

function requireText(value: string, field: string): string {
  const text = value.trim()
  if (!text) throw new AppError(400, 'VALIDATION_FAILED', `请填写${field}`)
  return text
}

/** A consumer asks to become a volunteer; one pending application at a time. */
export async function applyToVolunteer(ctx: AppContext, user: AuthUser, request: CreateVolunteerApplicationRequest): Promise<VolunteerApplication> {
  const name = requireText(request.name, '姓名')
  const region = requireText(request.region, '所在地区')
  const motivation = requireText(request.motivation, '申请理由')
  const pending = await findLatestApplication(ctx.db, user.id, 'pending')
  if (pending) throw new AppError(409, 'VOLUNTEER_APPLICATION_PENDING')
  try {
    const row = await insertApplication(ctx.db, {
      id: randomUUID(),
      user_id: user.id,
      name,
      region,
      phone: request.phone,
      motivation,
      status: 'pending',
      decision_note: null,
      decided_by: null,
      created_at: ctx.now().toISOString(),
      decided_at: null,
    })
    return toApplicationDto(row)
  } catch (error) {
    // The partial unique index: a concurrent request filed the pending application first.
    if (isUniqueViolation(error)) throw new AppError(409, 'VOLUNTEER_APPLICATION_PENDING')
    throw error
  }
}

export async function myApplication(ctx: AppContext, user: AuthUser): Promise<VolunteerApplication | null> {
  const row = await findLatestApplication(ctx.db, user.id)
  return row ? toApplicationDto(row) : null
}

export async function staffApplications(ctx: AppContext, status: VolunteerApplication['status'] | undefined) {
  return { items: (await listApplications(ctx.db, status, LIST_LIMIT)).map(toApplicationDto) }
}

/** Approving makes the applicant a volunteer at once: roles are read from the database on every request. */
export async function approveApplication(ctx: AppContext, staff: AuthUser, id: string, note: string | undefined): Promise<VolunteerApplication> {
  const now = ctx.now()
  const row = await ctx.db.transaction().execute(async (trx) => {
    const decided = await decidePending(trx, { id, to: 'approved', note: trimmedOrNull(note), staffId: staff.id, at: now.toISOString() })
    // Only a consumer becomes a volunteer: staff or a liaison keep their role.
    await trx.updateTable('users').set({ role: 'volunteer', updated_at: now.toISOString() }).where('id', '=', decided.user_id).where('role', '=', 'consumer').execute()
    await notify(trx, {
      recipientId: decided.user_id,
      type: 'volunteer_status',
      title: '志愿者申请已通过',
      body: decided.decision_note ? `欢迎成为消费维权志愿者。工作人员留言：${decided.decision_note}` : '欢迎成为消费维权志愿者，现在可以提交走访报告了。',
      link: VOLUNTEER_WORKSPACE_LINK,
      sourceKey: `volunteer-application:${decided.id}:approved`,
      now,
    })
    return decided
  })
  return toApplicationDto(row)
}

export async function declineApplication(ctx: AppContext, staff: AuthUser, id: string, note: string): Promise<VolunteerApplication> {
  const reason = requireText(note, '不通过的原因')
  const now = ctx.now()
  const row = await ctx.db.transaction().execute(async (trx) => {
    const decided = await decidePending(trx, { id, to: 'declined', note: reason, staffId: staff.id, at: now.toISOString() })
    await notify(trx, {
      recipientId: decided.user_id,
      type: 'volunteer_status',
      title: '志愿者申请未通过',
      body: `原因：${reason}`,
      link: VOLUNTEER_WORKSPACE_LINK,
      sourceKey: `volunteer-application:${decided.id}:declined`,
      now,
    })
    return decided
  })
  return toApplicationDto(row)
}

async function decidePending(
  trx: Db,
  args: { id: string; to: 'approved' | 'declined'; note: string | null; staffId: string; at: string },
): Promise<VolunteerApplicationRow> {
  const decided = await decideApplication(trx, { ...args, from: 'pending' })
  if (decided) return decided
  if (!(await findApplicationById(trx, args.id))) throw notFound()
  throw new AppError(409, 'VOLUNTEER_APPLICATION_DECIDED')
}

/** The user goes back to being a consumer; their reports stay where they are. */
export async function revokeVolunteer(ctx: AppContext, staff: AuthUser, userId: string, note: string): Promise<VolunteerApplication> {
  const reason = requireText(note, '撤销的原因')
  const now = ctx.now()
  const at = now.toISOString()
  const row = await ctx.db.transaction().execute(async (trx) => {
    const demoted = await trx
      .updateTable('users')
      .set({ role: 'consumer', updated_at: at })
      .where('id', '=', userId)
      .where('role', '=', 'volunteer')
      .executeTakeFirst()
    if (Number(demoted.numUpdatedRows) !== 1) {
      const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()
      if (!user) throw notFound()
      throw new AppError(409, 'NOT_A_VOLUNTEER')
    }
    const approved = await findLatestApplication(trx, userId, 'approved')
    // Volunteers seeded or made by the admin command have no application: record the revocation anyway.
    const revoked = approved
      ? await decideApplication(trx, { id: approved.id, from: 'approved', to: 'revoked', note: reason, staffId: staff.id, at })
      : await insertRevocation(trx, userId, reason, staff.id, at)
    if (!revoked) throw new AppError(409, 'VOLUNTEER_APPLICATION_DECIDED')
    await notify(trx, {
      recipientId: userId,
      type: 'volunteer_status',
      title: '志愿者资格已撤销',
      body: `原因：${reason}。您之前提交的走访报告仍会保留。`,
      link: VOLUNTEER_WORKSPACE_LINK,
      sourceKey: `volunteer-revocation:${revoked.id}`,
      now,
    })
    return revoked
  })
  return toApplicationDto(row)
}

async function insertRevocation(trx: Db, userId: string, reason: string, staffId: string, at: string) {
  const user = await trx.selectFrom('users').select(['display_name', 'phone']).where('id', '=', userId).executeTakeFirstOrThrow()
  return insertApplication(trx, {
    id: randomUUID(),
    user_id: userId,
    name: user.display_name,
    region: '',
    phone: user.phone ?? '',
    motivation: '',
    status: 'revoked',
    decision_note: reason,
    decided_by: staffId,
    created_at: at,
    decided_at: at,
  })
}
