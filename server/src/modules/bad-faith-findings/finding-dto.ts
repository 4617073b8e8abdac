import type { Finding, FindingState, PublicFinding } from '../../../../src/contract/bad-faith-finding'
import { findingBasis, FINDING_BASES } from '../../../../src/contract/bad-faith-finding-rules'
import type { AppContext } from '../../context'
import { toEvidenceDto } from '../evidence/evidence.service'
import { casesOfFindings, enterpriseNames, organizationNames, photosOfFindings, userNames, type FindingRow } from './bad-faith-findings.repository'
import { maskPersonalNumbers } from './finding-pii'

const APPEAL_SUMMARY_MAX = 200

/** The stored status with 待复核决定 and 公示期满 worked out from the clock (expiry needs no job). */
export function findingState(row: FindingRow, now: Date): FindingState {
  const at = now.toISOString()
  if (row.status === 'appeal_open') return row.appeal_at !== null || at > row.appeal_due_at ? 'awaiting_decision' : 'appeal_open'
  if (row.status === 'published') return row.expires_at !== null && row.expires_at <= at ? 'expired' : 'published'
  return row.status
}

const basisOf = (code: string) => findingBasis(code) ?? FINDING_BASES[0]!

export interface Viewer {
  id: string
  /** Staff holding the 失信认定 permission in the finding's organization or one above it. */
  mayDecide: boolean
  /** A liaison of the finding's enterprise. */
  liaison: boolean
}

/** Findings with their cases, appeal photos and names (one query each, not one per finding). */
export async function toFindingDtos(ctx: AppContext, rows: readonly FindingRow[], viewer: Viewer): Promise<Finding[]> {
  const ids = rows.map((row) => row.id)
  const people = rows.flatMap((row) => [row.proposed_by, row.decided_by, row.lift_requested_by, row.lifted_by].filter((id): id is string => id !== null))
  const [cases, photos, users, enterprises, organizations] = await Promise.all([
    casesOfFindings(ctx.db, ids),
    photosOfFindings(ctx.db, ids),
    userNames(ctx.db, people),
    enterpriseNames(ctx.db, rows.map((row) => row.enterprise_id)),
    organizationNames(ctx.db, rows.map((row) => row.organization_id)),
  ])
  const now = ctx.now()
  const name = (id: string | null) => (id ? (users.get(id) ?? '工作人员') : '')
  return Promise.all(
    rows.map(async (row): Promise<Finding> => {
      const state = findingState(row, now)
      const own = photos.filter((photo) => photo.finding_id === row.id).sort((a, b) => Number(a.photo_position) - Number(b.photo_position))
      return {
        id: row.id,
        enterprise: { id: row.enterprise_id, name: enterprises.get(row.enterprise_id) ?? '' },
        organization: { id: row.organization_id, name: organizations.get(row.organization_id) ?? '' },
        basis: basisOf(row.basis_code),
        facts: row.facts,
        months: Number(row.months),
        state,
        cases: cases.filter((c) => c.finding_id === row.id).map((c) => ({ id: c.id, number: c.number, status: c.status, createdAt: c.created_at })),
        proposedBy: { id: row.proposed_by, name: name(row.proposed_by) },
        createdAt: row.created_at,
        appealDueAt: row.appeal_due_at,
        appeal: row.appeal_text && row.appeal_at ? { text: row.appeal_text, at: row.appeal_at, photos: await Promise.all(own.map((photo) => toEvidenceDto(ctx, photo))) } : null,
        decision:
          row.decided_by && row.decided_at && row.decision_reasons
            ? { outcome: row.status === 'rejected' ? 'reject' : 'publish', reasons: row.decision_reasons, by: name(row.decided_by), at: row.decided_at }
            : null,
        publishedAt: row.published_at,
        expiresAt: row.expires_at,
        lift:
          row.lift_requested_by && row.lift_reason && row.lift_requested_at
            ? { reason: row.lift_reason, requestedBy: name(row.lift_requested_by), requestedById: row.lift_requested_by, requestedAt: row.lift_requested_at, liftedBy: row.lifted_by ? name(row.lifted_by) : null, liftedAt: row.lifted_at }
            : null,
        canDecide: viewer.mayDecide && state === 'awaiting_decision' && row.proposed_by !== viewer.id,
        canAppeal: viewer.liaison && state === 'appeal_open' && row.appeal_at === null,
      }
    }),
  )
}

function summary(text: string): string {
  const chars = [...text]
  return chars.length <= APPEAL_SUMMARY_MAX ? text : `${chars.slice(0, APPEAL_SUMMARY_MAX).join('')}…`
}

/** What the public reads: no staff names, no photos, numbers of persons masked. */
export async function toPublicFindings(ctx: AppContext, rows: readonly FindingRow[]): Promise<PublicFinding[]> {
  const [cases, enterprises, organizations] = await Promise.all([
    casesOfFindings(ctx.db, rows.map((row) => row.id)),
    enterpriseNames(ctx.db, rows.map((row) => row.enterprise_id)),
    organizationNames(ctx.db, rows.map((row) => row.organization_id)),
  ])
  const now = ctx.now()
  return rows.map((row) => ({
    id: row.id,
    enterprise: { id: row.enterprise_id, name: enterprises.get(row.enterprise_id) ?? '' },
    organization: { id: row.organization_id, name: organizations.get(row.organization_id) ?? '' },
    basis: basisOf(row.basis_code),
    facts: maskPersonalNumbers(row.facts),
    months: Number(row.months),
    state: findingState(row, now),
    appealSummary: row.appeal_text ? maskPersonalNumbers(summary(row.appeal_text)) : null,
    decisionReasons: maskPersonalNumbers(row.decision_reasons ?? ''),
    caseCount: cases.filter((c) => c.finding_id === row.id).length,
    publishedAt: row.published_at ?? row.created_at,
    expiresAt: row.expires_at ?? row.created_at,
  }))
}
