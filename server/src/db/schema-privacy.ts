import type { AccessKind } from '../../../src/contract/access-log'
import type { AccountDeletionState } from '../../../src/contract/account-deletion'
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

/** A person's request to delete their account: pending through the cool-off, then cancelled or completed. */
export interface AccountDeletionTable {
  id: string
  user_id: string
  status: AccountDeletionState
  requested_at: string
  /** Until then a login or 撤销注销 cancels it; after it the job completes it. */
  cool_off_ends_at: string
  /** The promised latest completion (15 China working days after the request). */
  due_at: string
  cancelled_at: string | null
  cancelled_by: 'login' | 'button' | null
  completed_at: string | null
}

export interface PrivacyTables {
  access_records: AccessRecordTable
  account_deletions: AccountDeletionTable
}
