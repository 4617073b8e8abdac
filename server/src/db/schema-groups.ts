import type { Generated } from 'kysely'
import type { GroupEventType, GroupStatus } from '../../../src/contract/complaint-group'

/** A group complaint (群体性投诉) and what was done with it; see migration 2026-12-04T0031. */
export interface ComplaintGroupTable {
  id: string
  /** complaints.group_key of the business; one open group per key. */
  business_key: string
  business_name: string
  enterprise_id: string | null
  /** The organization of the business's region, which supervises the group (重点督办), and its path. */
  organization_id: string
  organization_path: string
  status: GroupStatus
  member_count: number
  /** The sum of the members' amounts. */
  amount_fen: number
  /** The threshold and window that formed it. */
  threshold: number
  window_days: number
  formed_at: string
  closed_at: string | null
  updated_at: string
  /** Goes up with every change to the group (member joined, note, group action): compare-and-swap for group actions. */
  version: Generated<number>
}

export interface ComplaintGroupEventTable {
  id: string
  group_id: string
  type: GroupEventType
  actor_id: string | null
  note: string | null
  created_at: string
}

export interface GroupTables {
  complaint_groups: ComplaintGroupTable
  complaint_group_events: ComplaintGroupEventTable
}
