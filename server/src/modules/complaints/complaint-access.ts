import type { AppContext } from '../../context'
import type { AuthUser } from '../auth/auth.service'
import { complaintsVisibleTo, staffScope } from '../organizations/organization-scope'
import { findComplaintById, findConsumerComplaint, type ComplaintRow } from './complaints.repository'

/**
 * Who may open a complaint: the consumer who filed it, the liaison of the enterprise it was routed
 * to on the ODR path, and staff of the organization holding it or of one above it (complaintsVisibleTo). The one rule for the complaint and everything hanging
 * off it (its photos too); undefined for everyone else.
 */
export async function findComplaintVisibleTo(ctx: AppContext, user: AuthUser, id: string): Promise<ComplaintRow | undefined> {
  switch (user.role) {
    case 'consumer':
    case 'volunteer':
      return findConsumerComplaint(ctx.db, id, user.id)
    case 'enterprise': {
      const complaint = user.enterpriseId ? await findComplaintById(ctx.db, id) : undefined
      return complaint && complaint.path === 'odr' && complaint.enterprise_id === user.enterpriseId ? complaint : undefined
    }
    case 'staff': {
      const condition = complaintsVisibleTo(await staffScope(ctx.db, user.id))
      if (!condition) return findComplaintById(ctx.db, id)
      return ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).where(condition).executeTakeFirst()
    }
    default:
      return undefined
  }
}
