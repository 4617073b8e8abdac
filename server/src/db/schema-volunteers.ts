import type { FieldReportCategory, FieldReportStatus, VolunteerApplicationStatus } from '../../../src/contract/field-report-rules'

/** A user's request to become a volunteer (消费维权志愿者), decided by staff. */
export interface VolunteerApplicationTable {
  id: string
  user_id: string
  /** Real name, region and phone as the applicant gave them: staff see these beside the volunteer's reports. */
  name: string
  region: string
  phone: string
  motivation: string
  status: VolunteerApplicationStatus
  decision_note: string | null
  decided_by: string | null
  created_at: string
  decided_at: string | null
}

/** What a volunteer saw on the street. Immutable once uploaded, except for the review columns. */
export interface FieldReportTable {
  id: string
  volunteer_id: string
  /** Made on the device; unique per volunteer, so a retried upload files the report once. */
  client_id: string
  /** SHA-256 of the normalized body: the same client id with other content is refused. */
  request_hash: string
  category: FieldReportCategory
  status: FieldReportStatus
  business_name: string
  business_address: string | null
  region: string | null
  /** Exact position: shown to the volunteer who filed it and to staff, never anywhere public. */
  latitude: number | null
  longitude: number | null
  accuracy: number | null
  manual_address: string | null
  observed_at: string
  notes: string | null
  review_note: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  complaint_id: string | null
  warning_id: string | null
  /** The organization covering the business's region (else the top), and its path: who reviews it (migration 2026-12-04T0043). */
  organization_id: string | null
  organization_path: string | null
  /** When the retention job cleared the report's and its photos' coordinates (some time after review). */
  coordinates_removed_at: string | null
  created_at: string
  updated_at: string
}

export interface FieldReportPhotoTable {
  report_id: string
  evidence_id: string
  position: number
  /** What the device said when the photo was taken (the EXIF time is on the evidence row). */
  captured_at: string | null
  latitude: number | null
  longitude: number | null
  accuracy: number | null
}

export interface VolunteerTables {
  volunteer_applications: VolunteerApplicationTable
  field_reports: FieldReportTable
  field_report_photos: FieldReportPhotoTable
}
