import { randomUUID } from 'node:crypto'
import type { AllianceFinding, FindingFeed, MatchingFindings, PublishFindingRequest } from '../../../../src/contract/alliance-finding'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/database'
import { AppError } from '../../errors'
import { decodeCursor, encodeCursor } from '../../time-cursor'
import type { AuthUser } from '../auth/auth.service'
import { findVisibleComplaint } from '../complaints/complaints.service'
import { findGroupById } from '../groups/groups.repository'
import { groupKeyOf } from '../groups/group-key'
import { staffScope, type StaffScope } from '../organizations/organization-scope'
import { pathIds } from '../organizations/organizations.repository'
import { alliancesOfAny } from './alliances.repository'
import { toAllianceDtos } from './alliances.service'
import { findFindingById, findingFeedQuery, findingsAboutQuery, insertFinding, type FindingRow } from './alliance-findings.repository'

const PAGE = 20
const MATCHING_MAX = 20

/**
 * The alliances whose findings a staff member shares: those their organization, or one above it, is a
 * member of (a county under a member city works the same businesses). Everyone else is not a member.
 */
function memberAlliances(ctx: AppContext, scope: StaffScope) {
  return alliancesOfAny(ctx.db, pathIds(scope.organization.path))
}

async function memberAlliance(ctx: AppContext, scope: StaffScope, allianceId: string) {
  const alliance = (await memberAlliances(ctx, scope)).find((a) => a.id === allianceId)
  if (!alliance) throw new AppError(404, 'ALLIANCE_NOT_FOUND')
  return alliance
}

function toFinding(row: FindingRow, scope: StaffScope): AllianceFinding {
  return {
    id: row.id,
    alliance: { id: row.alliance_id, name: row.alliance_name },
    organization: { id: row.organization_id, name: row.organization_name },
    business: { name: row.business_name, enterpriseId: row.enterprise_id, region: row.region },
    pattern: row.pattern,
    complaintCount: Number(row.complaint_count),
    amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
    group: row.group_id && row.group_status ? { id: row.group_id, status: row.group_status, memberCount: Number(row.group_member_count) } : null,
    warning: row.warning_id && row.warning_title ? { id: row.warning_id, title: row.warning_title } : null,
    createdAt: row.created_at,
    mine: row.organization_id === scope.organization.id,
  }
}

/** 联盟共享发现: the alliance's findings, newest first; an alliance the caller is not in is 404. */
export async function findingFeed(ctx: AppContext, user: AuthUser, allianceId: string, cursor: string | undefined): Promise<FindingFeed> {
  const scope = await staffScope(ctx.db, user.id)
  const alliance = await memberAlliance(ctx, scope, allianceId)
  const rows = await findingFeedQuery(ctx.db, alliance.id, cursor ? decodeCursor(cursor) : null, PAGE + 1).execute()
  const page = rows.slice(0, PAGE)
  const last = page.at(-1)
  return {
    alliance: (await toAllianceDtos(ctx.db, [alliance]))[0]!,
    items: page.map((row) => toFinding(row, scope)),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  }
}

/** The business the finding is about, as complaints.group_key names it (so cases about it find it). */
async function findingBusiness(ctx: AppContext, scope: StaffScope, body: PublishFindingRequest) {
  const group = body.groupId ? await findGroupById(ctx.db, body.groupId) : undefined
  // Only a group the publisher's organization (or one below it) supervises.
  if (body.groupId && !group?.organization_path.startsWith(scope.organization.path)) throw new AppError(422, 'FINDING_LINK_NOT_FOUND')
  if (body.warningId) {
    const warning = await ctx.db.selectFrom('warnings').select('id').where('id', '=', body.warningId).where('status', '=', 'published').where('published_at', '<=', ctx.now().toISOString()).executeTakeFirst()
    if (!warning) throw new AppError(422, 'FINDING_LINK_NOT_FOUND')
  }
  const business = body.business
  if (!business) {
    if (!group) throw new AppError(422, 'FINDING_BUSINESS_REGION_REQUIRED')
    return { key: group.business_key, name: group.business_name, enterpriseId: group.enterprise_id, region: null }
  }
  const region = business.region?.trim() || null
  const enterprise = business.enterpriseId
    ? await ctx.db.selectFrom('enterprises').select(['id', 'name', 'province', 'city', 'district']).where('id', '=', business.enterpriseId).executeTakeFirst()
    : // A name exactly as the directory has it is that enterprise: its cases are keyed by it.
      await ctx.db.selectFrom('enterprises').select(['id', 'name', 'province', 'city', 'district']).where('name', '=', business.name.trim()).limit(1).executeTakeFirst()
  if (business.enterpriseId && !enterprise) throw new AppError(422, 'FINDING_ENTERPRISE_NOT_FOUND')
  if (enterprise) {
    const where = [enterprise.province, enterprise.city, enterprise.district].filter(Boolean).join('/')
    return { key: groupKeyOf({ enterpriseId: enterprise.id, creditCode: null, name: enterprise.name, region: null })!, name: enterprise.name, enterpriseId: enterprise.id, region: where || region }
  }
  const key = groupKeyOf({ enterpriseId: null, creditCode: null, name: business.name, region })
  if (!key) throw new AppError(422, 'FINDING_BUSINESS_REGION_REQUIRED')
  return { key, name: business.name.trim(), enterpriseId: null, region }
}

/** Publishes a finding to an alliance the caller's organization is in; the same finding twice is 409. */
export async function publishFinding(ctx: AppContext, user: AuthUser, allianceId: string, body: PublishFindingRequest): Promise<AllianceFinding> {
  const scope = await staffScope(ctx.db, user.id)
  const alliance = await memberAlliance(ctx, scope, allianceId)
  if (!scope.canMediate && !scope.canManage) throw new AppError(403, 'FORBIDDEN', '只有办理投诉的工作人员可以向联盟发布发现')
  const business = await findingBusiness(ctx, scope, body)
  const id = randomUUID()
  try {
    await insertFinding(ctx.db, {
      id,
      alliance_id: alliance.id,
      organization_id: scope.organization.id,
      author_id: user.id,
      business_key: business.key,
      business_name: business.name,
      enterprise_id: business.enterpriseId,
      region: business.region,
      pattern: body.pattern.trim(),
      group_id: body.groupId ?? null,
      warning_id: body.warningId ?? null,
      complaint_count: body.complaintCount,
      amount_fen: body.amountFen ?? null,
      created_at: ctx.now().toISOString(),
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'FINDING_ALREADY_PUBLISHED')
    throw error
  }
  return toFinding((await findFindingById(ctx.db, id))!, scope)
}

async function findingsAbout(ctx: AppContext, scope: StaffScope, businessKey: string | null): Promise<MatchingFindings> {
  if (!businessKey) return { items: [] }
  const alliances = await memberAlliances(ctx, scope)
  if (alliances.length === 0) return { items: [] }
  const rows = await findingsAboutQuery(ctx.db, businessKey, alliances.map((a) => a.id), MATCHING_MAX).execute()
  return { items: rows.map((row) => toFinding(row, scope)) }
}

/** 联盟成员已发现 on a case the caller may see (else 404): findings about its business in their alliances. */
export async function findingsForComplaint(ctx: AppContext, user: AuthUser, complaintId: string): Promise<MatchingFindings> {
  const complaint = await findVisibleComplaint(ctx, user, complaintId)
  return findingsAbout(ctx, await staffScope(ctx.db, user.id), complaint.group_key)
}

/** The same on a group complaint the caller's organization (or one above its supervisor) sees; else 404. */
export async function findingsForGroup(ctx: AppContext, user: AuthUser, groupId: string): Promise<MatchingFindings> {
  const scope = await staffScope(ctx.db, user.id)
  const group = await findGroupById(ctx.db, groupId)
  if (!group || !group.organization_path.startsWith(scope.organization.path)) throw new AppError(404, 'GROUP_NOT_FOUND')
  return findingsAbout(ctx, scope, group.business_key)
}
