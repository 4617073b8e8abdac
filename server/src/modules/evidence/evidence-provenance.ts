import { AppError } from '../../errors'
import type { PhotoLocation } from './capture-time'

/** What the phone says it read from the picked file before compressing it; see EvidenceProvenance in the contract. */
export interface ProvenanceClaim {
  originalSha256: string | null
  capturedAt: string | null
  location: PhotoLocation | null
}

export const NO_CLAIM: ProvenanceClaim = { originalSha256: null, capturedAt: null, location: null }
const KEYS = new Set(['originalSha256', 'capturedAt', 'latitude', 'longitude'])
const SHA256 = /^[0-9a-f]{64}$/
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/
/** Cameras with an unset clock write 1970 or 2000; a photo "taken" after the upload is a wrong clock too. */
const EARLIEST_CAPTURE = Date.parse('1990-01-01T00:00:00Z')
const CLOCK_SKEW_MS = 24 * 3600_000

const invalid = () => new AppError(400, 'VALIDATION_FAILED', '照片的拍摄信息格式不正确，请删除后重新添加这张照片')

/** Parses the `provenance` multipart field (JSON); no field means no claim. Types are checked, never coerced. */
export function parseProvenance(raw: string | undefined, now: Date): ProvenanceClaim {
  if (raw === undefined || raw === '') return NO_CLAIM
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw invalid()
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid()
  const claim = value as Record<string, unknown>
  if (Object.keys(claim).some((key) => !KEYS.has(key))) throw invalid()
  const { originalSha256, capturedAt, latitude, longitude } = claim
  if (originalSha256 !== undefined && (typeof originalSha256 !== 'string' || !SHA256.test(originalSha256))) throw invalid()
  let captured: string | null = null
  if (capturedAt !== undefined) {
    const time = typeof capturedAt === 'string' && ISO_TIME.test(capturedAt) ? Date.parse(capturedAt) : NaN
    if (!(time >= EARLIEST_CAPTURE && time <= now.getTime() + CLOCK_SKEW_MS)) throw invalid()
    captured = new Date(time).toISOString()
  }
  let location: PhotoLocation | null = null
  if (latitude !== undefined || longitude !== undefined) {
    if (!isCoordinate(latitude, 90) || !isCoordinate(longitude, 180)) throw invalid()
    location = { latitude, longitude }
  }
  return { originalSha256: (originalSha256 as string | undefined) ?? null, capturedAt: captured, location }
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit
}
