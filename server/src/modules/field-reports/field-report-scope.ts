import { sql, type Expression, type SqlBool } from 'kysely'
import type { StaffScope } from '../organizations/organization-scope'
import { subtreeEnd } from '../organizations/organization-scope'

/**
 * The field reports a staff member reviews: those of their organization and of every organization
 * below it, as for complaints; nothing of a sibling or a parent. null (no condition) for the top.
 * A county (no children) is an equality on organization_id, read newest first from
 * field_reports_org_created; an inner organization a range of organization_path beside
 * field_reports_created. A station operator who neither mediates nor manages reviews none: their
 * work is what is filed at their counter.
 */
export function fieldReportsVisibleTo(scope: StaffScope): Expression<SqlBool> | null {
  const { organization } = scope
  if (stationOnly(scope)) return sql<SqlBool>`1 = 0`
  if (organization.parent_id === null) return null
  if (scope.leaf) return sql<SqlBool>`field_reports.organization_id = ${organization.id}`
  return sql<SqlBool>`(field_reports.organization_path >= ${organization.path} and field_reports.organization_path < ${subtreeEnd(organization.path)})`
}

/** The same rule for one report in hand. */
export function seesFieldReport(scope: StaffScope, report: { organization_path: string | null }): boolean {
  if (stationOnly(scope)) return false
  if (scope.organization.parent_id === null) return true
  return report.organization_path !== null && report.organization_path.startsWith(scope.organization.path)
}

const stationOnly = (scope: StaffScope) => Boolean(scope.stationId) && !scope.canMediate && !scope.canManage
