import type { Evidence } from '@/contract/evidence'

export const EVIDENCE_UPLOAD_PATH = '/api/evidence'
/** A 10 MB original over a weak 2G/3G link needs minutes, not the 20 s of ordinary requests. */
export const EVIDENCE_UPLOAD_TIMEOUT_MS = 180_000

/** The server answers 201 with the Evidence; anything else is not a finished upload. */
export function isEvidence(body: unknown): body is Evidence {
  const e = body as Partial<Evidence> | null
  return !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.sha256 === 'string'
}
