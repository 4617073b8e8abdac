import type { Generated } from 'kysely'
import type { AccessKind } from '../../../src/contract/access-log'
import type { DataExportStatus } from '../../../src/contract/data-export'
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

/** A consumer's copy of their own data: pending → building (held by one worker) → ready → expired. */
export interface DataExportTable {
  id: string
  user_id: string
  status: DataExportStatus
  requested_at: string
  attempts: Generated<number>
  /** Which worker builds it, until when: another worker may take it over after a crash. */
  lease_owner: string | null
  lease_until: string | null
  storage_key: string | null
  /** PostgreSQL returns bigint as a string: convert with Number() when reading. */
  bytes: number | string | null
  photo_count: number | null
  ready_at: string | null
  /** The download is offered until then; the retention job deletes the file after. */
  expires_at: string | null
  deleted_at: string | null
  last_error: string | null
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
  data_exports: DataExportTable
  account_deletions: AccountDeletionTable
}
