import { Type, type Static } from '@sinclair/typebox'

/** An uploaded photo as its owner and the people handling the complaint see it. */
export const Evidence = Type.Object({
  id: Type.String(),
  /** SHA-256 (hex) of the bytes the server received: the receipt shows it. */
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  mimeType: Type.String({ description: '原图的类型：image/jpeg、image/png、image/webp、image/heic' }),
  bytes: Type.Integer({ description: '原图字节数' }),
  width: Type.Integer(),
  height: Type.Integer(),
  capturedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '拍摄时间（EXIF），没有则为 null' }),
  /** Short-lived signed URLs: the metadata-free display copy (≤1600 px JPEG) and thumbnail (≈400 px WebP). */
  displayUrl: Type.String(),
  thumbnailUrl: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Evidence = Static<typeof Evidence>

/** Staff only: a signed URL to the untouched original. */
export const EvidenceOriginal = Type.Object({ url: Type.String(), expiresAt: Type.String({ format: 'date-time' }) })
export type EvidenceOriginal = Static<typeof EvidenceOriginal>

/** Multipart form fields of POST /api/evidence besides the `file` part. */
export const EVIDENCE_FILE_FIELD = 'file'
