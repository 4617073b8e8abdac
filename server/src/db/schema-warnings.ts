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
  /** The body's text without tags, kept by the service for search. */
  body_text: Generated<string>
  industry: Industry
  /** JSON array of region names; empty array = nationwide (全国). */
  regions: Generated<string>
  urgent: Generated<number>
  /** The public cover image (warning_images.id), or null. */
  cover_image_id: string | null
  issuer: string
  status: WarningStatus
  /** When it becomes (or became) public; a future time with status published = scheduled. */
  published_at: string | null
  /** When users were told about this urgent warning; null = not yet (or not urgent when it went public). */
  urgent_notified_at: Generated<string | null>
  view_count: Generated<number>
  created_by: string | null
  /** The volunteer field report it was drafted from, if any. */
  source_report_id: string | null
  created_at: string
  updated_at: string
}

/** A public, metadata-free image for warning bodies and covers (never an evidence file). */
export interface WarningImageTable {
  id: string
  sha256: string
  storage_key: string
  width: number
  height: number
  created_by: string | null
  created_at: string
}

/**
 * Search index: each distinct 2-character sequence (Latin letters lower-cased) of a published
 * warning's title, summary and body text. Rows exist only while the warning is published.
 */
export interface WarningTermTable {
  term: string
  warning_id: string
  /** 1 when the pair occurs in the title (title hits rank first). */
  in_title: number
  /** The warning's published_at, so scheduled ones stay hidden and hits come out newest first. */
  published_at: string
}

/** Telling every reader about an urgent nationwide warning, batch by batch (modules/warnings/warning-fanout.ts). */
export interface WarningFanoutTable {
  warning_id: string
  /** Recipients when the first batch ran; null before. */
  total: number | null
  notified: Generated<number>
  /** Last user id handled; users are walked in id order. */
  cursor: Generated<string>
  created_at: string
  updated_at: string
  finished_at: string | null
}

export interface WarningTables {
  warning_fanouts: WarningFanoutTable
  warnings: WarningTable
  warning_terms: WarningTermTable
  warning_images: WarningImageTable
}
