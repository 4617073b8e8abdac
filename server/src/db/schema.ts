import type { Generated } from 'kysely'
import type { Role } from '../../../src/contract/roles'

/** Times are ISO-8601 UTC strings on both SQLite and PostgreSQL; flags are 0/1 integers. */
export interface EnterpriseTable {
  id: string
  name: string
  credit_code: string | null
  created_at: string
}

export interface UserTable {
  id: string
  phone: string | null
  wechat_openid: string | null
  role: Role
  display_name: string
  enterprise_id: string | null
  disabled: Generated<number>
  created_at: string
  updated_at: string
}

export interface SmsCodeTable {
  id: string
  phone: string
  code_hash: string
  ip: string
  created_at: string
  expires_at: string
  consumed_at: string | null
  failed_attempts: Generated<number>
}

export interface SessionTable {
  id: string
  user_id: string
  refresh_token_hash: string
  /** The hash this session had before its last rotation; presenting it again means the token was stolen. */
  previous_token_hash: string | null
  created_at: string
  refreshed_at: string
  expires_at: string
  revoked_at: string | null
}

export interface Database {
  enterprises: EnterpriseTable
  users: UserTable
  sms_codes: SmsCodeTable
  sessions: SessionTable
}
