import type { AidLawyer, LegalAid } from '../../../../src/contract/legal-aid'
import type { Db } from '../../db/database'
import { aidLawyers, type LegalAidListRow } from './legal-aid.repository'

export function toAidLawyer(row: { user_id: string; display_name: string; firm: string; organization_name: string }): AidLawyer {
  return { id: row.user_id, name: row.display_name, firm: row.firm, organizationName: row.organization_name }
}

export async function toLegalAidDtos(db: Db, rows: readonly LegalAidListRow[]): Promise<LegalAid[]> {
  const lawyers = new Map((await aidLawyers(db, [...new Set(rows.flatMap((row) => (row.lawyer_id ? [row.lawyer_id] : [])))])).map((l) => [l.user_id, toAidLawyer(l)]))
  return rows.map((row) => ({
    id: row.id,
    complaintId: row.complaint_id,
    complaintNumber: row.number,
    businessName: row.business_name,
    kind: row.kind,
    description: row.description,
    status: row.status,
    consentText: row.consent_text,
    consentedAt: row.consented_at,
    lawyer: row.lawyer_id ? (lawyers.get(row.lawyer_id) ?? null) : null,
    assignedAt: row.assigned_at,
    opinionCount: Number(row.opinion_count),
    finishedAt: row.finished_at,
    withdrawnAt: row.withdrawn_at,
    createdAt: row.created_at,
  }))
}
