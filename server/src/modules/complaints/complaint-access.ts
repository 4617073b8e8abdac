import type { AppContext } from '../../context'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintById, findConsumerComplaint, type ComplaintRow } from './complaints.repository'

/**
 * Who may open a complaint: the consumer who filed it, the liaison of the enterprise it was routed
 * to on the ODR path, and association staff. The one rule for the complaint and everything hanging
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
    case 'staff':
      return findComplaintById(ctx.db, id)
    default:
      return undefined
  }
}
