import { regionText } from '../../../../src/contract/enterprise-rules'
import type { Db } from '../../db/database'
import { DEFAULT_ORGANIZATION_ID, findOrganizationById, mostSpecificOrganization, type OrganizationRow } from './organizations.repository'
import { coveringCodes, regionCodeOf } from './regions'

interface Where {
  /** The directory entry the consumer chose, if any: its registered region comes first. */
  enterprise?: { province: string | null; city: string | null; district: string | null } | null
  /** The region the consumer picked for the business ('浙江省/杭州市/西湖区'). */
  businessRegion?: string | null
}

/**
 * Which organization a new complaint goes to: the most specific one whose region covers the
 * business (a county before its city before its province); when the business's region is unknown or
 * no organization covers it, the one of the region the consumer picked; otherwise the top.
 */
export async function organizationForComplaint(db: Db, where: Where): Promise<OrganizationRow> {
  for (const text of [where.enterprise ? regionText(where.enterprise) : null, where.businessRegion]) {
    const code = regionCodeOf(text)
    const found = code ? await mostSpecificOrganization(db, coveringCodes(code)) : undefined
    if (found) return found
  }
  return (await findOrganizationById(db, DEFAULT_ORGANIZATION_ID))!
}
