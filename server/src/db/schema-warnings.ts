import type { Generated } from 'kysely'
import type { Industry } from '../../../src/contract/complaint-rules'
import type { WarningKind, WarningStatus } from '../../../src/contract/warning-kinds'

/** A consumer warning (消费警示 / 消费提示 / 比较试验) published by the association. */
export interface WarningTable {
  id: string
  kind: WarningKind
  title: string
  summary: string
  /** Sanitized HTML in the safe subset (p, h3, h4, ul, ol, li, strong, img, table …). */
  body_html: string
  industry: Industry
  /** JSON array of region names; empty array = nationwide (全国). */
  regions: Generated<string>
  urgent: Generated<number>
  /** Storage key of the public cover copy, or null. */
  cover_key: string | null
  issuer: string
  status: WarningStatus
  /** When it becomes (or became) public; a future time with status published = scheduled. */
  published_at: string | null
  view_count: Generated<number>
  created_by: string | null
  /** The volunteer field report it was drafted from, if any. */
  source_report_id: string | null
  created_at: string
  updated_at: string
}

export interface WarningTables {
  warnings: WarningTable
}
