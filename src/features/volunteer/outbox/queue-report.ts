import { prepareForUpload } from '@/lib/image-compress'
import { checkPickedPhoto, sizeProblem } from '@/lib/photo-check'
import { discardPhoto, persistPhoto, photoFileSize, readPhotoBytes } from '@/lib/photo-files'
import { surelyOffline } from './network'
import { useOutboxStore } from './outbox-store'
import type { FieldReportDraft, OutboxPhoto, OutboxReport } from './outbox-types'
import { syncOutbox } from './run-outbox-sync'

/**
 * Checked (a photo, not too large to send), read (hash, EXIF time and GPS: compressing drops them),
 * compressed now (long edge 1600, q≈0.75), once, and saved where it survives a restart.
 */
async function prepareAndKeep(photo: OutboxPhoto): Promise<OutboxPhoto> {
  const check = checkPickedPhoto(await readPhotoBytes(photo.file))
  if (!check.ok) throw new Error(check.problem)
  const prepared = await prepareForUpload(photo.file, { original: false })
  const tooLarge = sizeProblem(await photoFileSize(prepared))
  if (tooLarge) {
    if (prepared !== photo.file) await discardPhoto(prepared)
    throw new Error(tooLarge)
  }
  const file = await persistPhoto(prepared, photo.id)
  if (prepared !== photo.file) await discardPhoto(photo.file)
  return { ...photo, file, prepared: true, provenance: check.provenance, capturedAt: check.provenance.capturedAt ?? photo.capturedAt }
}

/**
 * Every report goes through the outbox: its photos are saved where they survive a restart, the entry
 * is stored, then the sender is nudged. Editing a queued report keeps its clientId and queue place.
 * Answers whether the device is known to be offline (the page then says 已保存，联网后自动上传).
 */
export async function queueReport(input: { ownerId: string; clientId: string; draft: FieldReportDraft; photos: OutboxPhoto[]; now: string }): Promise<{ offline: boolean }> {
  const { patch, put, reports } = useOutboxStore.getState()
  const before = reports.find((r) => r.clientId === input.clientId)
  const photos: OutboxPhoto[] = []
  for (const photo of input.photos) photos.push(photo.prepared ? photo : await prepareAndKeep(photo))
  const report: OutboxReport = {
    clientId: input.clientId,
    ownerId: input.ownerId,
    queuedAt: before?.queuedAt ?? input.now,
    draft: input.draft,
    photos,
    state: 'waiting',
    problem: null,
    failures: 0,
  }
  if (before) patch(report.clientId, report)
  else put(report)
  const kept = new Set(photos.map((p) => p.file))
  for (const old of before?.photos ?? []) if (!kept.has(old.file)) await discardPhoto(old.file)
  const offline = surelyOffline()
  void syncOutbox()
  return { offline }
}

/** Deletes a queued report and its saved photos (the page asks first). */
export async function deleteQueuedReport(clientId: string): Promise<void> {
  const report = useOutboxStore.getState().reports.find((r) => r.clientId === clientId)
  if (!report) return
  useOutboxStore.getState().remove(clientId)
  for (const photo of report.photos) await discardPhoto(photo.file)
}
