import type { Db } from '../../db/database'
import type { AuthUser } from '../auth/auth.service'
import { staffScope } from '../organizations/organization-scope'
import { seesFieldReport } from './field-report-scope'
import { reportOfPhotoQuery } from './field-reports.repository'

/**
 * Whether a staff member may see a photo that is on no complaint: one filed with a field report
 * follows the report (its organization and those above); any other (not yet attached) photo, yes.
 */
export async function staffMaySeeLoosePhoto(db: Db, staff: AuthUser, evidenceId: string): Promise<boolean> {
  const report = await reportOfPhotoQuery(db, evidenceId).executeTakeFirst()
  return !report || seesFieldReport(await staffScope(db, staff.id), report)
}
