import type { StaffWarning, WarningSummary } from '../../../../src/contract/warning'
import { parseTextList } from '../../json-text'
import { warningImageUrl } from './warning-image-url'
import type { WarningRow, WarningSummaryRow } from './warnings.repository'

export function toWarningSummary(row: WarningSummaryRow): WarningSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    industry: row.industry,
    regions: parseTextList(row.regions),
    urgent: Number(row.urgent) === 1,
    coverUrl: row.cover_image_id ? warningImageUrl(row.cover_image_id) : null,
    issuer: row.issuer,
    publishedAt: row.published_at ?? row.created_at,
    viewCount: Number(row.view_count),
  }
}

export function toStaffWarning(row: WarningRow): StaffWarning {
  const { publishedAt: _publishedAt, ...summary } = toWarningSummary(row)
  return {
    ...summary,
    status: row.status,
    publishedAt: row.published_at,
    bodyHtml: row.body_html,
    coverImageId: row.cover_image_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
