import type { AccessKind } from '../../../src/contract/access-log'
import type { Role } from '../../../src/contract/roles'

/** One read of a consumer's personal details by staff or a liaison (who, what, when, which case). */
export interface AccessRecordTable {
  id: string
  actor_id: string
  actor_role: Role
  /** The liaison's enterprise; null for staff (the one association, until organizations exist). */
  organization_id: string | null
  what: AccessKind
  /** Null for exports, which span many complaints. */
  complaint_id: string | null
  created_at: string
}

export interface PrivacyTables {
  access_records: AccessRecordTable
}
