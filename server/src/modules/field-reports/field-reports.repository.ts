import { sql, type Expression, type Insertable, type Selectable, type SqlBool } from 'kysely'
import type { FieldReportCategory, FieldReportStatus } from '../../../../src/contract/field-report-rules'
import type { Db } from '../../db/database'
import type { EvidenceTable } from '../../db/schema'
import type { FieldReportPhotoTable, FieldReportTable } from '../../db/schema-volunteers'

export type FieldReportRow = Selectable<FieldReportTable>
export type FieldReportPhotoRow = Selectable<FieldReportPhotoTable> &
  Pick<Selectable<EvidenceTable>, 'display_key' | 'thumbnail_key' | 'sha256' | 'original_key' | 'mime_type' | 'bytes' | 'width' | 'height'> & {
    evidence_captured_at: string | null
  }

export interface ReportPosition {
  createdAt: string
  id: string
}

export interface StaffReportFilter {
  category?: FieldReportCategory
  status?: FieldReportStatus
  region?: string
  /** ISO instants bounding the observed time: [from, to) */
  observedFrom?: string
  observedTo?: string
  /** The reports the staff member's organization reviews (fieldReportsVisibleTo); undefined or null for all. */
  visible?: Expression<SqlBool> | null
}

export function insertFieldReport(trx: Db, row: Insertable<FieldReportTable>) {
  return trx.insertInto('field_reports').values(row).returningAll().executeTakeFirstOrThrow()
}

export function insertFieldReportPhotos(trx: Db, rows: Array<Insertable<FieldReportPhotoTable>>) {
  return rows.length === 0 ? Promise.resolve() : trx.insertInto('field_report_photos').values(rows).execute()
}

/**
 * Marks the volunteer's unused photos as attached (which keeps them from the 24-hour cleanup) and
 * answers false when any id is unknown, someone else's, or already used by a report or complaint.
 */
export async function claimEvidence(trx: Db, ids: readonly string[], ownerId: string, at: string): Promise<boolean> {
  if (ids.length === 0) return true
  const result = await trx
    .updateTable('evidence')
    .set({ attached_at: at })
    .where('id', 'in', [...ids])
    .where('owner_id', '=', ownerId)
    .where('complaint_id', 'is', null)
    .where('attached_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === ids.length
}

export function findReportById(db: Db, id: string) {
  return db.selectFrom('field_reports').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findReportByClientId(db: Db, volunteerId: string, clientId: string) {
  return db.selectFrom('field_reports').selectAll().where('volunteer_id', '=', volunteerId).where('client_id', '=', clientId).executeTakeFirst()
}

const afterPosition = (position: ReportPosition | null) =>
  position
    ? sql<boolean>`(${sql.ref('field_reports.created_at')} < ${position.createdAt} or (${sql.ref('field_reports.created_at')} = ${position.createdAt} and ${sql.ref('field_reports.id')} < ${position.id}))`
    : sql<boolean>`1 = 1`

/** Newest first; one extra row tells the caller whether there is a next page. */
export function listVolunteerReports(db: Db, volunteerId: string, after: ReportPosition | null, limit: number) {
  return db
    .selectFrom('field_reports')
    .selectAll()
    .where('volunteer_id', '=', volunteerId)
    .where(afterPosition(after))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
}

export function listReportsForStaff(db: Db, filter: StaffReportFilter, after: ReportPosition | null, limit: number) {
  return staffReportsQuery(db, filter, after, limit).execute()
}

/** Newest first (field_reports_created, or field_reports_org_created for a county); one extra row for the next page. */
export function staffReportsQuery(db: Db, filter: StaffReportFilter, after: ReportPosition | null, limit: number) {
  let query = db.selectFrom('field_reports').selectAll().where(afterPosition(after))
  if (filter.visible) query = query.where(filter.visible)
  if (filter.category) query = query.where('category', '=', filter.category)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.observedFrom) query = query.where('observed_at', '>=', filter.observedFrom)
  if (filter.observedTo) query = query.where('observed_at', '<', filter.observedTo)
  if (filter.region) {
    const pattern = `${filter.region.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where(sql<boolean>`${sql.ref('region')} like ${pattern} escape '\\'`)
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1)
}

export async function findPhotosOfReports(db: Db, reportIds: readonly string[]): Promise<Map<string, FieldReportPhotoRow[]>> {
  const byReport = new Map<string, FieldReportPhotoRow[]>()
  if (reportIds.length === 0) return byReport
  const rows = await db
    .selectFrom('field_report_photos')
    .innerJoin('evidence', 'evidence.id', 'field_report_photos.evidence_id')
    .selectAll('field_report_photos')
    .select([
      'evidence.display_key',
      'evidence.thumbnail_key',
      'evidence.sha256',
      'evidence.original_key',
      'evidence.mime_type',
      'evidence.bytes',
      'evidence.width',
      'evidence.height',
      'evidence.captured_at as evidence_captured_at',
    ])
    .where('field_report_photos.report_id', 'in', [...reportIds])
    .orderBy('field_report_photos.report_id')
    .orderBy('field_report_photos.position')
    .execute()
  for (const row of rows) {
    const list = byReport.get(row.report_id) ?? []
    list.push(row)
    byReport.set(row.report_id, list)
  }
  return byReport
}

/**
 * Compare-and-swap on the review state: only a report still in one of `from` changes, so two staff
 * acting at once cannot both decide it.
 */
export function reviewReport(
  trx: Db,
  args: {
    id: string
    from: readonly FieldReportStatus[]
    to: FieldReportStatus
    note: string | null
    staffId: string
    at: string
    complaintId?: string
    warningId?: string
    /** Only a report the staff member's organization reviews changes (fieldReportsVisibleTo). */
    visible: Expression<SqlBool> | null
  },
) {
  const query = trx
    .updateTable('field_reports')
    .set({
      status: args.to,
      review_note: args.note,
      reviewed_by: args.staffId,
      reviewed_at: args.at,
      updated_at: args.at,
      ...(args.complaintId ? { complaint_id: args.complaintId } : {}),
      ...(args.warningId ? { warning_id: args.warningId } : {}),
    })
    .where('id', '=', args.id)
    .where('status', 'in', [...args.from])
  return (args.visible ? query.where(args.visible) : query).returningAll().executeTakeFirst()
}

/** The report a photo was filed with, if any (field_report_photos.evidence_id is unique). */
export function reportOfPhotoQuery(db: Db, evidenceId: string) {
  return db
    .selectFrom('field_report_photos')
    .innerJoin('field_reports', 'field_reports.id', 'field_report_photos.report_id')
    .select(['field_reports.id', 'field_reports.organization_path'])
    .where('field_report_photos.evidence_id', '=', evidenceId)
}
