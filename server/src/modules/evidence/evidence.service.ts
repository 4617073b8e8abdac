import { createHash, randomUUID } from 'node:crypto'
import { EVIDENCE_MAX_BYTES } from '../../../../src/contract/complaint-rules'
import type { Evidence, EvidenceOriginal } from '../../../../src/contract/evidence'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import { staffMaySeeLoosePhoto } from '../field-reports/field-report-photo-access'
import { recordAccess } from '../privacy/access-log.service'
import {
  deleteEvidence,
  findEvidenceById,
  hashesStillReferenced,
  insertEvidence,
  type EvidenceRow,
} from './evidence.repository'
import { NO_CLAIM, type ProvenanceClaim } from './evidence-provenance'
import { processEvidenceImage } from './image-processing'
import { IMAGE_EXTENSIONS, IMAGE_MIME_TYPES, type ImageType } from './image-sniff'
import { mayReadThread } from '../mediation/mediation-access'
import { roomOfPhoto } from '../mediation/mediation.repository'
import { isAssignedLawyerOf } from '../legal-aid/legal-aid.repository'

/** Signed URLs live long enough to look through a complaint, short enough that a leaked link dies. */
export const EVIDENCE_URL_TTL_SECONDS = 15 * 60
/** The original may show where the photo was taken: its links are the shortest-lived. */
export const ORIGINAL_URL_TTL_SECONDS = 5 * 60

export async function toEvidenceDto(ctx: AppContext, row: EvidenceRow): Promise<Evidence> {
  const [displayUrl, thumbnailUrl] = await Promise.all([
    ctx.storage.signedUrl(row.display_key, EVIDENCE_URL_TTL_SECONDS),
    ctx.storage.signedUrl(row.thumbnail_key, EVIDENCE_URL_TTL_SECONDS),
  ])
  return {
    id: row.id,
    sha256: row.sha256,
    originalSha256: row.original_sha256,
    mimeType: row.mime_type,
    bytes: Number(row.bytes),
    width: Number(row.width),
    height: Number(row.height),
    capturedAt: row.captured_at,
    displayUrl,
    thumbnailUrl,
    createdAt: row.created_at,
  }
}

/** Files are named by content hash, so two uploads of the same bytes share them. */
export function evidenceKeys(sha256: string, type: ImageType) {
  return {
    original_key: `evidence/original/${sha256}.${IMAGE_EXTENSIONS[type]}`,
    display_key: `evidence/display/${sha256}.jpg`,
    thumbnail_key: `evidence/thumb/${sha256}.webp`,
  }
}

/**
 * Stores a photo for its owner to attach to a complaint (or field report) within 24 hours. What the
 * file itself says (EXIF time and GPS of an uploaded original) wins over what the phone claims.
 */
export async function uploadEvidence(
  ctx: AppContext,
  owner: AuthUser,
  bytes: Buffer,
  { fullSize, claim }: { fullSize: boolean; claim: ProvenanceClaim } = { fullSize: false, claim: NO_CLAIM },
): Promise<EvidenceRow> {
  if (bytes.length === 0) throw new AppError(400, 'EMPTY_FILE')
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError(413, 'IMAGE_TOO_LARGE')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  // The untouched original was sent: the hash the phone computed of it must be this one.
  if (fullSize && claim.originalSha256 && claim.originalSha256 !== sha256) {
    throw new AppError(400, 'VALIDATION_FAILED', '照片在上传途中被改动，请删除后重新添加这张照片')
  }
  const image = await processEvidenceImage(bytes)
  const location = image.location ?? claim.location
  const row: EvidenceRow = {
    id: randomUUID(),
    owner_id: owner.id,
    sha256,
    original_sha256: fullSize ? sha256 : claim.originalSha256,
    mime_type: IMAGE_MIME_TYPES[image.type],
    bytes: bytes.length,
    width: image.width,
    height: image.height,
    captured_at: image.capturedAt ?? claim.capturedAt,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    ...evidenceKeys(sha256, image.type),
    complaint_id: null,
    event_id: null,
    created_at: ctx.now().toISOString(),
    attached_at: null,
    position: null,
  }
  // The row goes in before the files: the cleanup job deletes only files no row refers to, so it
  // cannot remove shared files from under this upload while they are being written.
  await insertEvidence(ctx.db, row)
  const writes = await Promise.allSettled([
    ctx.storage.put(row.original_key, bytes, row.mime_type),
    ctx.storage.put(row.display_key, image.display, 'image/jpeg'),
    ctx.storage.put(row.thumbnail_key, image.thumbnail, 'image/webp'),
  ])
  const failed = writes.find((write) => write.status === 'rejected')
  if (failed) {
    await deleteEvidence(ctx.db, row.id)
    await deleteUnreferencedFiles(ctx, [row])
    throw failed.reason
  }
  return row
}

/**
 * A photo on a complaint is visible to exactly those who may open the complaint (the same function
 * the complaint detail uses); a photo not on a complaint, to its owner and staff (a field report's
 * photo only to staff who may open the report). Everyone else gets
 * 404 rather than 403, so the answer does not reveal that the photo exists. A photo sent in the
 * mediation room follows its thread (a side thread's photo never reaches the other party). A lawyer
 * assigned to a legal aid request on the case sees its photos while the request (and so the
 * consumer's consent) stands; a withdrawn or finished request, or a suspended lawyer, sees nothing.
 */
export async function findEvidenceFor(ctx: AppContext, viewer: AuthUser, id: string): Promise<EvidenceRow> {
  const row = await findEvidenceById(ctx.db, id)
  if (!row) throw notFound()
  const room = row.complaint_id ? undefined : await roomOfPhoto(ctx.db, row.id)
  const allowed = row.complaint_id
    ? (await findComplaintVisibleTo(ctx, viewer, row.complaint_id)) !== undefined || (await isAssignedLawyerOf(ctx.db, viewer.id, row.complaint_id))
    : room
      ? await mayReadThread(ctx, viewer, room.complaint_id, room.thread)
      : row.owner_id === viewer.id || (viewer.role === 'staff' && (await staffMaySeeLoosePhoto(ctx.db, viewer, row.id)))
  if (!allowed) throw notFound()
  return row
}

/** Staff only; for anyone else the original does not exist. */
export async function originalUrlFor(ctx: AppContext, viewer: AuthUser, id: string): Promise<EvidenceOriginal> {
  if (viewer.role !== 'staff') throw notFound()
  const row = await findEvidenceFor(ctx, viewer, id)
  await recordAccess(ctx, viewer, 'original_photo', row.complaint_id)
  const expiresAt = new Date(ctx.now().getTime() + ORIGINAL_URL_TTL_SECONDS * 1000).toISOString()
  const location = row.latitude !== null && row.longitude !== null ? { latitude: Number(row.latitude), longitude: Number(row.longitude) } : null
  return { url: await ctx.storage.signedUrl(row.original_key, ORIGINAL_URL_TTL_SECONDS), expiresAt, location }
}

/** After rows are deleted: removes their files unless another row (the same bytes uploaded again) still uses them. */
export async function deleteUnreferencedFiles(
  ctx: AppContext,
  deleted: ReadonlyArray<Pick<EvidenceRow, 'sha256' | 'original_key' | 'display_key' | 'thumbnail_key'>>,
): Promise<number> {
  const kept = await hashesStillReferenced(ctx.db, [...new Set(deleted.map((row) => row.sha256))])
  const keys = new Set(deleted.filter((row) => !kept.has(row.sha256)).flatMap((row) => [row.original_key, row.display_key, row.thumbnail_key]))
  await Promise.all([...keys].map((key) => ctx.storage.delete(key)))
  return keys.size
}
