import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { organizationForComplaint } from '../organizations/jurisdiction'
import { staffScope } from '../organizations/organization-scope'
import { findEnterpriseById } from '../users/enterprise.repository'

/**
 * An enterprise (its directory entry, its place in the ODR green channel, its liaisons) stays under
 * the oversight of the organization of its region: the one its complaints are routed to, and every
 * organization above it. Staff elsewhere (a sibling county) are told who oversees it.
 */
export async function assertOverseesEnterprise(ctx: AppContext, user: AuthUser, enterpriseId: string) {
  const enterprise = await findEnterpriseById(ctx.db, enterpriseId)
  if (!enterprise) throw notFound('企业不存在或已被移除')
  const scope = await staffScope(ctx.db, user.id)
  if (scope.organization.parent_id === null) return enterprise
  const overseer = await organizationForComplaint(ctx.db, { enterprise })
  if (!overseer.path.startsWith(scope.organization.path)) {
    throw new AppError(403, 'ENTERPRISE_OVERSEEN_ELSEWHERE', `这家企业由“${overseer.name}”监管，请联系该组织修改`)
  }
  return enterprise
}
