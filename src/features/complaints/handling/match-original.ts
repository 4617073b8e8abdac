import type { Evidence } from '@/contract/evidence'
import { sha256Hex } from '@/lib/sha256'

export type OriginalMatch =
  | { kind: 'same'; photoNumber: number; sha256: string; compressed: boolean }
  | { kind: 'different'; sha256: string }

/**
 * Compares a photo from the staff member's gallery with a complaint's evidence: the same bytes as
 * the file a consumer picked (or as what the server received) means it is that photo, untouched.
 */
export function matchOriginal(bytes: Uint8Array, evidence: ReadonlyArray<Pick<Evidence, 'sha256' | 'originalSha256'>>): OriginalMatch {
  const sha256 = sha256Hex(bytes)
  const index = evidence.findIndex((e) => e.originalSha256 === sha256 || e.sha256 === sha256)
  if (index < 0) return { kind: 'different', sha256 }
  const photo = evidence[index]!
  return { kind: 'same', photoNumber: index + 1, sha256, compressed: photo.sha256 !== sha256 || photo.originalSha256 !== photo.sha256 }
}

export function matchText(match: OriginalMatch): string {
  if (match.kind === 'different') return '不一致：这张照片与本投诉的任何证据照片都不相同（可能被编辑、转发压缩过，或不是同一张）'
  return `一致：与证据照片 ${match.photoNumber} 的${match.compressed ? '原始文件' : '上传文件'}完全相同`
}
