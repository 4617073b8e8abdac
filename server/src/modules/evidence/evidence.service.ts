import type { Evidence } from '../../../../src/contract/evidence'
import type { AppContext } from '../../context'
import type { EvidenceRow } from './evidence.repository'

/** Signed URLs live long enough to look through a complaint, short enough that a leaked link dies. */
export const EVIDENCE_URL_TTL_SECONDS = 15 * 60

export async function toEvidenceDto(ctx: AppContext, row: EvidenceRow): Promise<Evidence> {
  const [displayUrl, thumbnailUrl] = await Promise.all([
    ctx.storage.signedUrl(row.display_key, EVIDENCE_URL_TTL_SECONDS),
    ctx.storage.signedUrl(row.thumbnail_key, EVIDENCE_URL_TTL_SECONDS),
  ])
  return {
    id: row.id,
    sha256: row.sha256,
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
