import { LEGAL_AID_KIND_LABELS, type AssignLawyerRequest, type LegalAid, type StaffLegalAidList } from '../../../../src/contract/legal-aid'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import { notify } from '../notifications/notify'
import { assertHolds, complaintsHeldBy, staffScope } from '../organizations/organization-scope'
import { pathIds } from '../organizations/organizations.repository'
import { lawyersOfOrganizationQuery } from '../lawyers/lawyers.repository'
import { toAidLawyer, toLegalAidDtos } from './legal-aid-dto'
import { aidByStatusQuery, aidLawyers, findLegalAid } from './legal-aid.repository'
import { CONSUMER_AID_LINK } from './legal-aid-request.service'

/**
 * Staff: the requests waiting for a lawyer, then those in hand, on the cases their organization
 * holds (its own and those below it; not a case it only reads after sending it across an alliance);
 * and the active lawyers of their team and the teams above.
 */
export async function staffLegalAid(ctx: AppContext, staff: AuthUser): Promise<StaffLegalAidList> {
  const scope = await staffScope(ctx.db, staff.id)
  const visible = complaintsHeldBy(scope)
  const list = (status: 'open' | 'assigned') => {
    const query = aidByStatusQuery(ctx.db, status)
    return (visible ? query.where(visible) : query).execute()
  }
  const [open, assigned] = await Promise.all([list('open'), list('assigned')])
  const teams = await Promise.all(pathIds(scope.organization.path).map((organizationId) => lawyersOfOrganizationQuery(ctx.db, organizationId).execute()))
  return {
    items: await toLegalAidDtos(ctx.db, [...open, ...assigned]),
    lawyers: teams.flat().filter((lawyer) => lawyer.status === 'active').map((lawyer) => toAidLawyer(lawyer)),
  }
}

/**
 * Staff who see the case assign an active lawyer of their team or a team above (a compare-and-swap
 * on the open request: two staff at once, the second gets 409). The lawyer and the consumer are
 * told in the same transaction.
 */
export async function assignLawyer(ctx: AppContext, staff: AuthUser, id: string, body: AssignLawyerRequest): Promise<LegalAid> {
  const row = await findLegalAid(ctx.db, id)
  const complaint = row && (await findComplaintVisibleTo(ctx, staff, row.complaint_id))
  if (!row || !complaint) throw new AppError(404, 'LEGAL_AID_NOT_FOUND')
  const scope = await staffScope(ctx.db, staff.id)
  // A case read after sending it across an alliance is worked by its holder only.
  assertHolds(scope, complaint)
  if (row.status !== 'open') throw new AppError(409, 'LEGAL_AID_NOT_OPEN')
  if (body.lawyerId === row.consumer_id) throw new AppError(422, 'LEGAL_AID_LAWYER_IS_CONSUMER')
  const [lawyer] = await aidLawyers(ctx.db, [body.lawyerId])
  if (!lawyer || lawyer.status !== 'active' || !scope.organization.path.startsWith(lawyer.path)) throw new AppError(422, 'LAWYER_NOT_AVAILABLE')
  const now = ctx.now()
  const at = now.toISOString()
  const what = `${row.business_name}（${row.number}）的${LEGAL_AID_KIND_LABELS[row.kind]}`
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('legal_aid_requests')
      .set({ status: 'assigned', lawyer_id: lawyer.user_id, assigned_by: staff.id, assigned_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'LEGAL_AID_NOT_OPEN')
    await notify(trx, {
      recipientId: lawyer.user_id,
      type: 'complaint_assigned',
      title: '您被指派了一件法律援助',
      body: `${what}，消费者已同意您查阅本案材料。`,
      link: '/packages/lawyers/pages/lawyer/index',
      sourceKey: `legal-aid:${id}:assigned`,
      now,
    })
    await notify(trx, {
      recipientId: row.consumer_id,
      type: 'complaint_status',
      title: '法律援助已指派律师',
      body: `${what}由${lawyer.display_name}（${lawyer.firm}）负责。`,
      link: CONSUMER_AID_LINK + row.complaint_id,
      complaintId: row.complaint_id,
      sourceKey: `legal-aid:${id}:assigned-consumer`,
      now,
    })
  })
  return (await toLegalAidDtos(ctx.db, [(await findLegalAid(ctx.db, id))!]))[0]!
}
