/**
 * Sending the outbox: oldest report first; for each, its photos not yet uploaded, then the report
 * with its clientId (the server answers a repeat with the report it already has). Pure: the parts
 * that touch the network and storage come in as `OutboxDeps`, so this runs under node:test.
 */
import type { EvidenceProvenance } from '@/contract/evidence'
import type { CreateFieldReportRequest } from '@/contract/field-report'
import type { OutboxProgress, OutboxReport } from './outbox-types'

export interface OutboxDeps {
  /** The volunteer's queued reports, oldest first, as they are now. */
  reports(): OutboxReport[]
  patch(clientId: string, change: Partial<OutboxReport>): void
  remove(clientId: string): void
  progress(clientId: string, progress: OutboxProgress | undefined): void
  /** Uploads one local photo; answers its evidence id. */
  /** `provenance`: what was read from the photo before it was compressed. */
  uploadPhoto(file: string, onPercent: (percent: number) => void, provenance?: EvidenceProvenance): Promise<string>
  postReport(body: CreateFieldReportRequest): Promise<void>
  discardPhoto(file: string): Promise<void>
}

export interface SyncOutcome {
  sent: number
  refused: number
  /** Why the run stopped before the end: the network (try again later) or a lost sign-in. */
  stoppedBy: 'network' | 'signed_out' | null
}

type Failure = { kind: 'network' } | { kind: 'signed_out' } | { kind: 'refused'; message: string }

const statusOf = (error: unknown): number | undefined => {
  const status = typeof error === 'object' && error !== null && 'status' in error ? (error as { status: unknown }).status : undefined
  return typeof status === 'number' ? status : undefined
}

/** No answer, a timeout, "too many requests" or a server error: the same request may work later. */
export function classifyFailure(error: unknown): Failure {
  const status = statusOf(error)
  const message = error instanceof Error ? error.message : ''
  if (status === undefined) {
    // A local problem (e.g. the photo file is gone): only the volunteer can fix it.
    return /[\u4e00-\u9fa5]/.test(message) ? { kind: 'refused', message } : { kind: 'network' }
  }
  if (status === 0 || status === 408 || status === 429 || status >= 500) return { kind: 'network' }
  if (status === 401) return { kind: 'signed_out' }
  return { kind: 'refused', message: message || '上报内容有误，请修改后重新上传' }
}

const trimmed = (text: string) => (text.trim() ? text.trim() : undefined)

export function toRequestBody(report: OutboxReport): CreateFieldReportRequest {
  const { draft } = report
  return {
    clientId: report.clientId,
    // An outbox entry is only made from a complete form; '' would be refused as 需要修改.
    category: draft.category || 'other',
    businessName: draft.businessName.trim(),
    businessAddress: trimmed(draft.businessAddress),
    region: trimmed(draft.region),
    location: draft.location,
    manualAddress: trimmed(draft.manualAddress),
    observedAt: draft.observedAt,
    notes: trimmed(draft.notes),
    photos: report.photos.map((p) => ({
      evidenceId: p.evidenceId ?? '',
      capturedAt: p.capturedAt,
      ...(p.fix ? { latitude: p.fix.latitude, longitude: p.fix.longitude, accuracy: p.fix.accuracy } : {}),
    })),
  }
}

async function sendOne(report: OutboxReport, deps: OutboxDeps): Promise<void> {
  const total = report.photos.length
  let done = report.photos.filter((p) => p.evidenceId).length
  deps.progress(report.clientId, { stage: 'photos', photosDone: done, photosTotal: total, percent: 0 })
  for (const photo of report.photos) {
    if (photo.evidenceId) continue
    const evidenceId = await deps.uploadPhoto(
      photo.file,
      (percent) => deps.progress(report.clientId, { stage: 'photos', photosDone: done, photosTotal: total, percent }),
      photo.provenance,
    )
    // Remembered at once: a later failure does not upload this photo again.
    const latest = deps.reports().find((r) => r.clientId === report.clientId) ?? report
    const photos = latest.photos.map((p) => (p.id === photo.id ? { ...p, evidenceId } : p))
    deps.patch(report.clientId, { photos })
    report = { ...latest, photos }
    done += 1
  }
  deps.progress(report.clientId, { stage: 'report', photosDone: total, photosTotal: total, percent: 100 })
  await deps.postReport(toRequestBody(report))
  deps.remove(report.clientId)
  for (const photo of report.photos) await deps.discardPhoto(photo.file).catch(() => undefined)
}

/** One pass over the outbox. Refused reports are marked 需要修改 and skipped until edited. */
export async function syncOutboxOnce(deps: OutboxDeps): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { sent: 0, refused: 0, stoppedBy: null }
  // Oldest first whatever order storage kept them in.
  const queue = deps
    .reports()
    .filter((r) => r.state !== 'needs_fix')
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
  for (const queued of queue) {
    const report = deps.reports().find((r) => r.clientId === queued.clientId)
    // Deleted or refused meanwhile.
    if (!report || report.state === 'needs_fix') continue
    deps.patch(report.clientId, { state: 'uploading' })
    try {
      await sendOne(report, deps)
      outcome.sent += 1
    } catch (error) {
      deps.progress(report.clientId, undefined)
      const failure = classifyFailure(error)
      const still = deps.reports().find((r) => r.clientId === report.clientId)
      if (failure.kind === 'refused') {
        if (still) deps.patch(report.clientId, { state: 'needs_fix', problem: failure.message })
        outcome.refused += 1
        continue
      }
      if (still) deps.patch(report.clientId, { state: 'waiting', failures: still.failures + 1 })
      outcome.stoppedBy = failure.kind
      return outcome
    }
  }
  return outcome
}
