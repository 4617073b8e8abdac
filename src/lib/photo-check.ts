/**
 * What the phone learns from a picked file before anything is sent: whether it is a photo we accept
 * (by its first bytes, not its name), how large it is, its SHA-256 (what the receipt and a later
 * check against the gallery rely on) and what its EXIF says. Pure, so it runs the same on both platforms.
 */
import { EVIDENCE_MAX_BYTES } from '@/contract/complaint-rules'
import type { EvidenceProvenance } from '@/contract/evidence'
import { readJpegExif } from './photo-exif'
import { sha256Hex } from './sha256'

export type PhotoKind = 'jpeg' | 'png' | 'webp' | 'heic'

const HEIC_BRANDS = ['heic', 'heix', 'heim', 'heis']
const latin1 = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))

/** The image type by magic bytes, as the server decides it (server/src/modules/evidence/image-sniff.ts). */
export function photoKind(bytes: Uint8Array): PhotoKind | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png'
  if (latin1(bytes, 0, 4) === 'RIFF' && latin1(bytes, 8, 12) === 'WEBP') return 'webp'
  if (bytes.length >= 16 && latin1(bytes, 4, 8) === 'ftyp') {
    const boxEnd = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length, 256)
    const brands = [latin1(bytes, 8, 12)]
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(latin1(bytes, at, at + 4))
    if (brands.some((b) => HEIC_BRANDS.includes(b))) return 'heic'
  }
  return null
}

export const NOT_A_PHOTO = '这不是照片文件，无法上传（只支持 JPEG、PNG、WebP、HEIC 格式）。请删除后重新选择'
export const TOO_LARGE_TO_SEND = '照片超过 10 MB，压缩后仍然太大，无法上传。请删除它，在手机上截图后再添加'

export type PhotoCheck =
  | { ok: true; kind: PhotoKind; provenance: EvidenceProvenance }
  | { ok: false; problem: string }

/** Checks and describes a picked file. `bytes` is the whole file. */
export function checkPickedPhoto(bytes: Uint8Array): PhotoCheck {
  const kind = photoKind(bytes)
  if (!kind) return { ok: false, problem: NOT_A_PHOTO }
  const provenance: EvidenceProvenance = { originalSha256: sha256Hex(bytes) }
  if (kind === 'jpeg') {
    const exif = readJpegExif(bytes)
    if (exif.capturedAt) provenance.capturedAt = exif.capturedAt
    if (exif.latitude !== null && exif.longitude !== null) {
      provenance.latitude = exif.latitude
      provenance.longitude = exif.longitude
    }
  }
  return { ok: true, kind, provenance }
}

/** The file about to be sent (compressed or not) must fit the server's limit: refused here, before any byte goes out. */
export function sizeProblem(bytes: number): string | null {
  return bytes > EVIDENCE_MAX_BYTES ? TOO_LARGE_TO_SEND : null
}
