import type { ComplaintStatus, HandlingPath } from '../../../src/contract/complaint-status'
import type { Industry } from '../../../src/contract/complaint-rules'

// Written only by the database's triggers on complaints (migration 2026-12-03T0017-daily-rollups);
// the code reads them. PostgreSQL returns bigint as a string: convert with Number() when reading.

/** 'day': period is a China date YYYY-MM-DD; 'month': a China month YYYY-MM. */
export type RollupGrain = 'day' | 'month'

/** Complaints submitted in a period, by their current status, path and industry. */
export interface ComplaintRollupTable {
  grain: RollupGrain
  period: string
  status: ComplaintStatus
  path: HandlingPath
  industry: Industry
  n: number | string
  /** Sum of their recovered amounts (null counted as 0), whatever the status. */
  recovered_fen: number | string
}

/** Complaints submitted in a period, per enterprise ('' when outside the directory) or per typed business name. */
export interface BusinessRollupTable {
  grain: RollupGrain
  period: string
  enterprise_id: string
  /** The name the consumer typed, for a business outside the directory; '' otherwise. */
  unlisted_name: string
  n: number | string
}

/** All of an enterprise's complaints, by current status, with their valid (1–5) ratings. */
export interface EnterpriseFigureRollupTable {
  enterprise_id: string
  status: ComplaintStatus
  n: number | string
  rated: number | string
  rating_sum: number | string
}

/** Open complaints by the UTC day (YYYY-MM-DD) of their current step's deadline and the step's kind ('' if none). */
export interface OpenDueRollupTable {
  due_day: string
  due_kind: string
  n: number | string
}

/** An enterprise's first responses (not before the complaint), counted per elapsed whole millisecond. */
export interface EnterpriseResponseRollupTable {
  enterprise_id: string
  response_ms: number | string
  n: number | string
}

/** The same counts per holding organization's path ('' for none): migration 2026-12-04T0026-org-rollups. */
export type OrganizationRollup<T> = T & { organization_path: string }

/** The figures reported upward, per holding organization's path, China day or month of filing and industry (migration 2026-12-04T0032). */
export interface OrganizationFigureRollupTable {
  grain: RollupGrain
  organization_path: string
  period: string
  industry: Industry
  received: number | string
  /** With accepted_at set: accepted (受理) by the organization holding the case. */
  accepted: number | string
  /** Resolved, rejected, withdrawn or closed (not 已引导). */
  closed: number | string
  referred: number | string
  /** Closed with no association step past its deadline (late_at null). */
  closed_on_time: number | string
  mediation_ended: number | string
  mediation_succeeded: number | string
  /** Agreed in a successful mediation, or the enterprise's proposal a settled ODR case ended on. */
  recovered_fen: number | string
}

export interface RollupTables {
  org_figure_rollups: OrganizationFigureRollupTable
  org_complaint_rollups: OrganizationRollup<ComplaintRollupTable>
  org_business_rollups: OrganizationRollup<BusinessRollupTable>
  org_open_due_rollups: OrganizationRollup<OpenDueRollupTable>
  enterprise_response_rollups: EnterpriseResponseRollupTable
  open_due_rollups: OpenDueRollupTable
  complaint_rollups: ComplaintRollupTable
  business_rollups: BusinessRollupTable
  enterprise_figure_rollups: EnterpriseFigureRollupTable
}
