import type { FieldReport, FieldReportPhoto } from '../../../../src/contract/field-report'
import type { AppContext } from '../../context'
import { EVIDENCE_URL_TTL_SECONDS } from '../evidence/evidence.service'
import type { FieldReportPhotoRow, FieldReportRow } from './field-reports.repository'

const num = (value: number | string | null) => (value === null ? null : Number(value))

async function toPhotoDto(ctx: AppContext, row: FieldReportPhotoRow): Promise<FieldReportPhoto> {
  const [displayUrl, thumbnailUrl] = await Promise.all([
    ctx.storage.signedUrl(row.display_key, EVIDENCE_URL_TTL_SECONDS),
    ctx.storage.signedUrl(row.thumbnail_key, EVIDENCE_URL_TTL_SECONDS),
  ])
  return {
    evidenceId: row.evidence_id,
    capturedAt: row.captured_at ?? row.evidence_captured_at,
    latitude: num(row.latitude),
    longitude: num(row.longitude),
    accuracy: num(row.accuracy),
    thumbnailUrl,
    displayUrl,
  }
}

/** The volunteer's own report or a staff view: both may see the exact position. */
export async function toFieldReportDto(ctx: AppContext, row: FieldReportRow, photos: readonly FieldReportPhotoRow[]): Promise<FieldReport> {
  const latitude = num(row.latitude)
  const longitude = num(row.longitude)
  return {
    id: row.id,
    clientId: row.client_id,
    category: row.category,
    status: row.status,
    businessName: row.business_name,
    businessAddress: row.business_address,
    region: row.region,
    location: latitude !== null && longitude !== null ? { latitude, longitude, accuracy: num(row.accuracy) ?? 0 } : null,
    manualAddress: row.manual_address,
    observedAt: row.observed_at,
    notes: row.notes,
    photos: await Promise.all(photos.map((photo) => toPhotoDto(ctx, photo))),
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at,
    complaintId: row.complaint_id,
    warningId: row.warning_id,
    createdAt: row.created_at,
  }
}
