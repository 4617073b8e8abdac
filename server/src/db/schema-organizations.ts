import type { Generated } from 'kysely'
import type { OrganizationLevel } from '../../../src/contract/organization'
import type { RuleSetFamily } from '../../../src/contract/rule-text'
import type { StationHostKind } from '../../../src/contract/station'

/** An association (消费者协会) in the network; see migration 2026-12-04T0021. */
export interface OrganizationTable {
  id: string
  parent_id: string | null
  level: OrganizationLevel
  /** GB/T 2260 code: 2 digits province, 4 city, 6 county. */
  region_code: string | null
  name: string
  /** '/<root>/…/<id>/': the subtree of an organization is every path starting with its own. */
  path: string
  depth: number
  /** The rules this organization files complaints under; null inherits the parent's (migration 2026-12-04T0027). */
  rule_family: RuleSetFamily | null
  /** Group complaints: how many complaints within how many days form a group; null for the defaults (migration 2026-12-04T0031). */
  group_threshold: number | null
  group_window_days: number | null
  created_at: string
}

/** A grassroots service station (服务站); columns after `created_at` come from migration 2026-12-04T0029. */
export interface OrganizationStationTable {
  id: string
  organization_id: string
  name: string
  address: string | null
  created_at: string
  /** The organization's path, copied: a region's stations are a range. */
  organization_path: string
  host_kind: StationHostKind
  host_name: string | null
  /** GCJ-02 degrees; both or neither. */
  latitude: number | null
  longitude: number | null
  opening_hours: string
  phone: string | null
  /** JSON array of StationService codes. */
  services: string
  active: number
  updated_at: string | null
}

/** A named alliance of organizations across regions (migration 2026-12-04T0033). */
export interface AllianceTable {
  id: string
  name: string
  created_at: string
}

export interface AllianceMemberTable {
  alliance_id: string
  organization_id: string
  created_at: string
}

/** One case moved across an alliance (联盟移送). */
export interface AllianceTransferTable {
  id: string
  alliance_id: string
  complaint_id: string
  from_organization_id: string
  to_organization_id: string
  reason: string
  created_at: string
}

export interface StaffMembershipTable {
  user_id: string
  organization_id: string
  station_id: string | null
  can_manage: number
  can_mediate: number
  /** 失信认定: may propose and decide bad-faith findings (migration 2026-12-05T0050). */
  can_credit_findings: Generated<number>
  created_at: string
}

/** A walk-in filing (代办) at a station counter: pending until the person's SMS code confirms consent. */
export interface WalkInFilingTable {
  id: string
  station_id: string
  operator_id: string
  phone: string
  person_name: string
  created_at: string
  consented_at: string | null
  consumer_id: string | null
  complaint_id: string | null
}

/** A photo taken at the counter for a filing (migration 2026-12-04T0039): deleted with an unfinished filing. */
export interface WalkInPhotoTable {
  filing_id: string
  evidence_id: string
}

/** A finding an alliance member shares with its alliance (联盟共享发现, migration 2026-12-04T0039). */
export interface AllianceFindingTable {
  id: string
  alliance_id: string
  /** The publisher's organization. */
  organization_id: string
  author_id: string
  /** complaints.group_key of the business. */
  business_key: string
  business_name: string
  enterprise_id: string | null
  region: string | null
  pattern: string
  group_id: string | null
  warning_id: string | null
  complaint_count: number
  amount_fen: number | null
  created_at: string
}

/** Complaints filed at a station per China month (YYYY-MM). */
export interface StationMonthRollupTable {
  station_id: string
  month: string
  n: number
}

export interface OrganizationTables {
  organizations: OrganizationTable
  organization_stations: OrganizationStationTable
  alliances: AllianceTable
  alliance_members: AllianceMemberTable
  alliance_transfers: AllianceTransferTable
  staff_memberships: StaffMembershipTable
  walk_in_filings: WalkInFilingTable
  walk_in_photos: WalkInPhotoTable
  alliance_findings: AllianceFindingTable
  station_month_rollups: StationMonthRollupTable
}
