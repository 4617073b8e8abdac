import { randomUUID } from 'node:crypto'
import type { Industry } from '../../../../src/contract/complaint-rules'
import type { Db } from '../../db/database'
import { htmlToText } from './warning-html'

export interface WarningDraftInput {
  title: string
  summary: string
  /** Already-safe HTML in the warning subset (escape user text before wrapping it in tags). */
  bodyHtml: string
  industry: Industry
  regions: string[]
  issuer: string
  createdBy: string
  sourceReportId: string | null
  now: Date
}

/** A staff-only draft (invisible to the public until published), e.g. converted from a volunteer's field report. */
export async function createWarningDraft(trx: Db, input: WarningDraftInput): Promise<{ id: string }> {
  const id = randomUUID()
  const at = input.now.toISOString()
  await trx
    .insertInto('warnings')
    .values({
      id,
      kind: 'warning',
      title: input.title,
      summary: input.summary,
      body_html: input.bodyHtml,
      body_text: htmlToText(input.bodyHtml),
      industry: input.industry,
      regions: JSON.stringify(input.regions),
      issuer: input.issuer,
      status: 'draft',
      published_at: null,
      cover_image_id: null,
      created_by: input.createdBy,
      source_report_id: input.sourceReportId,
      created_at: at,
      updated_at: at,
    })
    .execute()
  return { id }
}
