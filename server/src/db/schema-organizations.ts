import type { OrganizationLevel } from '../../../src/contract/organization'
import type { RuleSetFamily } from '../../../src/contract/rule-text'

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

export interface OrganizationStationTable {
  id: string
  organization_id: string
  name: string
  address: string | null
  created_at: string
}

export interface OrganizationAllianceTable {
  organization_id: string
  partner_id: string
  created_at: string
}

export interface StaffMembershipTable {
  user_id: string
  organization_id: string
  station_id: string | null
  can_manage: number
  can_mediate: number
  created_at: string
}

export interface OrganizationTables {
  organizations: OrganizationTable
  organization_stations: OrganizationStationTable
  organization_alliances: OrganizationAllianceTable
  staff_memberships: StaffMembershipTable
}
