import type { Generated } from 'kysely'
import type { CreditIndexTables } from './schema-credit-index'
import type { Role } from '../../../src/contract/roles'
import type { ComplaintEventType } from '../../../src/contract/complaint-events'
import type { ComplaintStatus, HandlingPath } from '../../../src/contract/complaint-status'
import type { Industry } from '../../../src/contract/complaint-rules'
import type { NotificationTables } from './schema-notifications'
import type { WarningTables } from './schema-warnings'
import type { VolunteerTables } from './schema-volunteers'
import type { PrivacyTables } from './schema-privacy'
import type { RollupTables } from './schema-rollups'
import type { RuleTables } from './schema-rules'
import type { OrganizationTables } from './schema-organizations'
import type { MediationTables } from './schema-mediation'
import type { GroupTables } from './schema-groups'
import type { AgreementTables } from './schema-agreements'
import type { CourtTables } from './schema-court'
import type { PerformanceTables } from './schema-performance'
import type { LawyerTables } from './schema-lawyers'
import type { LegalAidTables } from './schema-legal-aid'
import type { PublishedCaseTables } from './schema-published-cases'
import type { QueuePriority, ReturnCommitmentTables } from './schema-return-commitments'
import type { BadFaithFindingTables } from './schema-bad-faith-findings'

/** Times are ISO-8601 UTC strings on both SQLite and PostgreSQL; flags are 0/1 integers. */
export interface EnterpriseTable {
  id: string
  name: string
  credit_code: string | null
  created_at: string
  industry: Generated<Industry>
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  /** 1 when the enterprise takes part in the ODR green channel */
  odr: Generated<number>
  odr_since: string | null
  /** JSON array of promises such as 线下无理由退货 */
  promises: Generated<string>
  contact_phone: string | null
  updated_at: string | null
}

export interface UserTable {
  id: string
  phone: string | null
  wechat_openid: string | null
  role: Role
  display_name: string
  enterprise_id: string | null
  disabled: Generated<number>
  /** 1: this staff member may publish new versions of rule sets. */
  rule_editor: Generated<number>
  created_at: string
  updated_at: string
  /** When the account's deletion (注销) completed: phone and openid gone, display_name is a pseudonym. */
  deleted_at: Generated<string | null>
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
  purpose: Generated<string>
  subject: string | null
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

export interface ComplaintTable {
  id: string
  /** WQ + yyyymmdd (China date) + 6-digit sequence of that day */
  number: string
  consumer_id: string
  status: ComplaintStatus
  path: HandlingPath
  enterprise_id: string | null
  business_name: string
  business_address: string | null
  business_region: string | null
  business_credit_code: string | null
  industry: Industry
  incident_date: string
  /** PostgreSQL returns bigint as a string: convert with Number() when reading. */
  amount_fen: number | string
  /** JSON array of Demand codes */
  demands: string
  demand_detail: string | null
  description: string
  contact_phone: string
  consent_at: string
  idempotency_key: string
  /** SHA-256 of the request body: the same key with different content is refused. */
  request_hash: string
  /** Bumped by every transition, for compare-and-swap updates. */
  version: Generated<number>
  created_at: string
  updated_at: string
  closed_at: string | null
  /** Deadline of the current step (ISO), computed in working days; null when no step is running. */
  due_at: string | null
  due_kind: 'enterprise_response' | 'review' | 'mediation' | null
  /** When the overdue job acted on the current step; cleared when the step changes. */
  overdue_at: string | null
  assigned_staff_id: string | null
  accepted_at: string | null
  first_response_at: string | null
  proposal_text: string | null
  proposal_amount_fen: number | string | null
  proposal_promised_date: string | null
  rejection_ground: string | null
  outcome: string | null
  recovered_amount_fen: number | string | null
  rating: number | null
  rating_comment: string | null
  rated_at: string | null
  /** When the retention job removed the consumer's personal details from this closed complaint. */
  anonymized_at: string | null
  /** The due_at the "deadline near" reminder went out for (claimed by one worker). */
  reminded_due_at: Generated<string | null>
  /** The rule set version in force when the complaint was filed; kept for the life of the case. */
  rule_set_id: string | null
  /** 已引导: the referral destination's code (migration 2026-12-04T0022-referrals). */
  referred_to: string | null
  /** The organization working the case now, and its path (organizations.path) for subtree conditions. */
  organization_id: string | null
  organization_path: string | null
  /** The path of the organization that last sent the case across an alliance: it keeps reading it (migration 2026-12-04T0033). */
  alliance_sender_path: Generated<string | null>
  /** Since when a testing/appraisal (检测、鉴定) stops the clock; null while it runs. */
  clock_paused_at: string | null
  clock_paused_reason: string | null
  /** How mediation ended, kept after the case is closed (migration 2026-12-04T0032-organization-figures). */
  mediation_result: Generated<'succeeded' | 'failed' | null>
  /** When a step of the association (受理审查 or 调解) first went past its deadline; null while every one was met. */
  late_at: Generated<string | null>
  /** consumer-side identity of the dispute (business, incident date, amount) while the complaint is open; null once it ends. */
  repeat_key: string | null
  /** 代办: the station where an operator filed it for the person, and that operator (migration 2026-12-04T0030). */
  station_id: string | null
  filed_by: string | null
  /** Which business, for group complaints: 'e:<enterprise>', 'c:<credit code>' or 'n:<region>|<name>' (migration 2026-12-04T0031). */
  group_key: string | null
  /** The group complaint (complaint_groups) it belongs to, if any. */
  group_id: string | null
  /** 诉前委托调解: the referring court's case number and deadline (migration 2026-12-04T0041-court-hand-off). */
  court_case_number: Generated<string | null>
  court_deadline: Generated<string | null>
  /** 1: a refused return at a committed store (migration 2026-12-05T0049); open ones come first in the staff queue. */
  queue_priority: QueuePriority
}

/** A filing that repeated an open complaint and was added to it, by its idempotency key. */
export interface ComplaintMergeTable {
  consumer_id: string
  idempotency_key: string
  request_hash: string
  complaint_id: string
  event_id: string
  created_at: string
}

/** A running API server, for telling one on disk storage that it is not alone (see jobs/instance-registry). */
export interface ApiInstanceTable {
  id: string
  storage: 'disk' | 's3'
  started_at: string
  heartbeat_at: string
}

export interface ComplaintEventTable {
  id: string
  complaint_id: string
  type: ComplaintEventType
  actor_id: string | null
  actor_role: Role | 'system'
  note: string | null
  from_status: ComplaintStatus | null
  to_status: ComplaintStatus | null
  created_at: string
  /** JSON details: a proposal's amount and date, a rejection ground, an outcome */
  data: string | null
  /** Position in the case's log, from 1 (complaint_events_chain). */
  seq: number
  /** SHA-256 of the previous event's chain_hash and this event (modules/evidence-package/event-chain.ts). */
  chain_hash: string
}

export interface ComplaintCounterTable {
  day: string
  last: number
}

export interface EvidenceTable {
  id: string
  owner_id: string
  sha256: string
  mime_type: string
  bytes: number
  width: number
  height: number
  captured_at: string | null
  /** SHA-256 of the file the person picked (the phone hashes it before compressing); null from older apps. */
  original_sha256: string | null
  /** GPS of the original (its EXIF, or read by the phone before compressing): staff only. */
  latitude: number | null
  longitude: number | null
  /** Storage keys, named by content hash: evidence/original/<sha>.<ext>, evidence/display/<sha>.jpg, evidence/thumb/<sha>.webp */
  original_key: string
  display_key: string
  thumbnail_key: string
  complaint_id: string | null
  event_id: string | null
  created_at: string
  /** Null until a complaint references it; unattached evidence is deleted after 24 h. */
  attached_at: string | null
  /** Order among the photos attached together, as the consumer arranged them. */
  position: number | null
}

/** Each capability declares its tables in its own schema-*.ts file. */
export interface Database extends NotificationTables, WarningTables, VolunteerTables, PrivacyTables, RollupTables, RuleTables, OrganizationTables, MediationTables, GroupTables, AgreementTables, CourtTables, PerformanceTables, LawyerTables, LegalAidTables, CreditIndexTables, PublishedCaseTables, ReturnCommitmentTables, BadFaithFindingTables {
  enterprises: EnterpriseTable
  users: UserTable
  sms_codes: SmsCodeTable
  sessions: SessionTable
  complaints: ComplaintTable
  complaint_merges: ComplaintMergeTable
  complaint_events: ComplaintEventTable
  complaint_counters: ComplaintCounterTable
  evidence: EvidenceTable
  api_instances: ApiInstanceTable
}
