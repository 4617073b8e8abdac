import { randomUUID } from 'node:crypto'
import type { CreateFieldReportRequest, FieldReport } from '../../../../src/contract/field-report'
import { coordinatesError, fieldReportContentError, FIELD_REPORT_MAX_PHOTOS, observedAtError } from '../../../../src/contract/field-report-rules'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { requestHash } from '../complaints/request-hash'
import { organizationForComplaint } from '../organizations/jurisdiction'
import type { OrganizationRow } from '../organizations/organizations.repository'
import { claimEvidence, findReportByClientId, insertFieldReport, insertFieldReportPhotos, type FieldReportRow } from './field-reports.repository'
import { loadFieldReport } from './field-reports.service'

export interface FieldReportSubmission {
  /** 201 when this request filed the report, 200 when it repeats one already filed. */
  statusCode: 200 | 201
  report: FieldReport
}

const textOrNull = (text: string | undefined) => (text?.trim() ? text.trim() : null)
const isoOrNull = (text: string | undefined) => (text ? new Date(text).toISOString() : null)

/** The body as stored: blanks trimmed, empty text as null, times in one ISO form. Its hash decides "same content". */
export function normalizeReport(request: CreateFieldReportRequest) {
  return {
    category: request.category,
    businessName: request.businessName.trim(),
    businessAddress: textOrNull(request.businessAddress),
    region: textOrNull(request.region),
    location: request.location ? { latitude: request.location.latitude, longitude: request.location.longitude, accuracy: request.location.accuracy } : null,
    manualAddress: textOrNull(request.manualAddress),
    observedAt: new Date(request.observedAt).toISOString(),
    notes: textOrNull(request.notes),
    photos: request.photos.map((photo) => ({
      evidenceId: photo.evidenceId,
      capturedAt: isoOrNull(photo.capturedAt),
      latitude: photo.latitude ?? null,
      longitude: photo.longitude ?? null,
      accuracy: photo.accuracy ?? null,
    })),
  }
}
type NormalizedReport = ReturnType<typeof normalizeReport>

function checkReport(report: NormalizedReport, now: Date) {
  if (report.photos.length > FIELD_REPORT_MAX_PHOTOS) throw new AppError(400, 'TOO_MANY_PHOTOS')
  if (fieldReportContentError(report.photos.length, report.notes)) throw new AppError(400, 'FIELD_REPORT_EMPTY')
  if (!report.businessName) throw new AppError(400, 'VALIDATION_FAILED', '请填写商家名称')
  const points = [report.location, ...report.photos.filter((photo) => photo.latitude !== null || photo.longitude !== null)]
  for (const point of points) {
    if (!point) continue
    if (point.latitude === null || point.longitude === null || coordinatesError({ latitude: point.latitude, longitude: point.longitude })) {
      throw new AppError(400, 'COORDINATES_OUT_OF_RANGE')
    }
  }
  if (observedAtError(report.observedAt, now)) throw new AppError(400, 'OBSERVED_AT_IN_FUTURE')
  if (new Set(report.photos.map((photo) => photo.evidenceId)).size !== report.photos.length) throw new AppError(422, 'EVIDENCE_INVALID')
}

/**
 * Files a report exactly once per client id: the outbox may send it again after a lost response,
 * and two uploads of it may race; both get the report the first one made.
 */
export async function submitFieldReport(ctx: AppContext, volunteer: AuthUser, request: CreateFieldReportRequest): Promise<FieldReportSubmission> {
  const clientId = request.clientId.toLowerCase()
  const report = normalizeReport(request)
  const hash = requestHash(report)
  // Before the checks: a retry must succeed even though its photos are now attached (to it).
  const earlier = await findReportByClientId(ctx.db, volunteer.id, clientId)
  if (earlier) return repeat(ctx, earlier, hash)

  const now = ctx.now()
  checkReport(report, now)
  // Reviewed where a complaint about the same business would be handled.
  const organization = await organizationForComplaint(ctx.db, { businessRegion: report.region })
  try {
    const row = await ctx.db.transaction().execute((trx) => fileReport(trx, { volunteerId: volunteer.id, clientId, hash, report, now, organization }))
    return { statusCode: 201, report: await loadFieldReport(ctx, row) }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const winner = await findReportByClientId(ctx.db, volunteer.id, clientId)
    if (!winner) throw error
    return repeat(ctx, winner, hash)
  }
}

async function repeat(ctx: AppContext, row: FieldReportRow, hash: string): Promise<FieldReportSubmission> {
  if (row.request_hash !== hash) throw new AppError(409, 'FIELD_REPORT_CLIENT_ID_REUSED')
  return { statusCode: 200, report: await loadFieldReport(ctx, row) }
}

/** The report and its photo links: all or nothing. */
async function fileReport(
  trx: Db,
  args: { volunteerId: string; clientId: string; hash: string; report: NormalizedReport; now: Date; organization: OrganizationRow },
): Promise<FieldReportRow> {
  const { report } = args
  const at = args.now.toISOString()
  // The report row first: a duplicate client id fails here, before the photos are touched.
  const row = await insertFieldReport(trx, {
    id: randomUUID(),
    volunteer_id: args.volunteerId,
    client_id: args.clientId,
    request_hash: args.hash,
    category: report.category,
    status: 'pending',
    business_name: report.businessName,
    business_address: report.businessAddress,
    region: report.region,
    latitude: report.location?.latitude ?? null,
    longitude: report.location?.longitude ?? null,
    accuracy: report.location?.accuracy ?? null,
    manual_address: report.manualAddress,
    observed_at: report.observedAt,
    notes: report.notes,
    review_note: null,
    reviewed_by: null,
    reviewed_at: null,
    complaint_id: null,
    warning_id: null,
    organization_id: args.organization.id,
    organization_path: args.organization.path,
    created_at: at,
    updated_at: at,
  })
  const ids = report.photos.map((photo) => photo.evidenceId)
  if (!(await claimEvidence(trx, ids, args.volunteerId, at))) throw new AppError(422, 'EVIDENCE_INVALID')
  await insertFieldReportPhotos(
    trx,
    report.photos.map((photo, position) => ({
      report_id: row.id,
      evidence_id: photo.evidenceId,
      position,
      captured_at: photo.capturedAt,
      latitude: photo.latitude,
      longitude: photo.longitude,
      accuracy: photo.accuracy,
    })),
  )
  return row
}
