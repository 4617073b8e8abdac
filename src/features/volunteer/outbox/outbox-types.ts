import type { EvidenceProvenance } from '@/contract/evidence'
import type { FieldReportCategory } from '@/contract/field-report-rules'
import type { LocationFix } from '../location/locate-problem'

/** One photo taken for a report: the local file until it is uploaded, then also its evidence id. */
export interface OutboxPhoto {
  id: string
  /** Local file ref (a USER_DATA_PATH file on weapp, an IndexedDB key on H5). */
  file: string
  bytes: number
  /** When the photo was taken by its EXIF (read before compressing), else when it was added; where the device was then. */
  capturedAt: string
  fix: LocationFix | null
  /** Compressed for upload when it was queued (so the sender, in the main package, needs no compressor). */
  prepared?: boolean
  /** Read from the file as picked, before compressing: its SHA-256, EXIF time and GPS (sent with the upload). */
  provenance?: EvidenceProvenance
  /** Set once uploaded, so a retry does not upload it again. */
  evidenceId?: string
}

/** What the volunteer typed; becomes the body of POST /api/field-reports together with the photos. */
export interface FieldReportDraft {
  category: FieldReportCategory | ''
  businessName: string
  businessAddress: string
  region: string
  location: LocationFix | null
  manualAddress: string
  observedAt: string
  notes: string
}

export type OutboxState = 'waiting' | 'uploading' | 'needs_fix'

export interface OutboxReport {
  clientId: string
  ownerId: string
  queuedAt: string
  draft: FieldReportDraft
  photos: OutboxPhoto[]
  state: OutboxState
  /** The server's message when it refused the report (needs_fix). */
  problem: string | null
  /** Failed attempts in a row (network or server trouble), for the backoff. */
  failures: number
}

export interface OutboxProgress {
  /** Photos uploaded so far, out of all photos; then the report itself. */
  photosDone: number
  photosTotal: number
  /** 0–100 of the photo being uploaded now. */
  percent: number
  stage: 'photos' | 'report'
}
