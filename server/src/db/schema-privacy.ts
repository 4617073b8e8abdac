import type { Generated } from 'kysely'
import type { AccessKind } from '../../../src/contract/access-log'
import type { DataExportStatus } from '../../../src/contract/data-export'
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

export interface PrivacyTables {
  access_records: AccessRecordTable
  data_exports: DataExportTable
}
