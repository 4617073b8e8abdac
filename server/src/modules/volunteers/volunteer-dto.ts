import type { VolunteerApplication } from '../../../../src/contract/volunteer'
import type { VolunteerApplicationRow } from './volunteers.repository'

/** Only the applicant and staff ever receive an application, so nothing is masked. */
export function toApplicationDto(row: VolunteerApplicationRow): VolunteerApplication {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    region: row.region,
    phone: row.phone,
    motivation: row.motivation,
    status: row.status,
    decisionNote: row.decision_note,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  }
}
