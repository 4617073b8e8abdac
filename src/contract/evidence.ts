import { Type, type Static } from '@sinclair/typebox'

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' })

/** An uploaded photo as its owner and the people handling the complaint see it. */
export const Evidence = Type.Object({
  id: Type.String(),
  /** SHA-256 (hex) of the bytes the server received: the receipt shows it. */
  sha256: Sha256,
  /**
   * SHA-256 of the file the person picked, computed on the phone before compressing: what matches
   * the photo still in their gallery. Equals `sha256` when the untouched original was uploaded;
   * null when the phone did not send it (older app versions).
   */
  originalSha256: Type.Union([Sha256, Type.Null()], { description: '用户所选原始照片的 SHA-256（手机在压缩前计算），可与相册里的照片核对' }),
  mimeType: Type.String({ description: '上传文件的类型：image/jpeg、image/png、image/webp、image/heic' }),
  bytes: Type.Integer({ description: '上传文件的字节数' }),
  width: Type.Integer(),
  height: Type.Integer(),
  capturedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: '拍摄时间：原始照片的 EXIF（手机在压缩前读取，或从上传的原图读取），没有则为 null',
  }),
  /** Short-lived signed URLs: the metadata-free display copy (≤1600 px JPEG) and thumbnail (≈400 px WebP). */
  displayUrl: Type.String(),
  thumbnailUrl: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Evidence = Static<typeof Evidence>

/** Where the photo was taken, from the original's EXIF: staff only, never in `Evidence`. */
export const EvidenceLocation = Type.Object({ latitude: Type.Number(), longitude: Type.Number() })
export type EvidenceLocation = Static<typeof EvidenceLocation>

/** Staff only: a signed URL to the untouched original, and the place it was taken when known. */
export const EvidenceOriginal = Type.Object({
  url: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  location: Type.Union([EvidenceLocation, Type.Null()]),
})
export type EvidenceOriginal = Static<typeof EvidenceOriginal>

// In complaint-rules (no TypeBox) so the app's uploaders can import them without the schema library.
export { EVIDENCE_FILE_FIELD, EVIDENCE_PROVENANCE_FIELD } from './complaint-rules'

/**
 * Read on the phone from the file the person picked, before it is compressed (compression drops
 * EXIF). The server keeps the location for staff only.
 */
export const EvidenceProvenance = Type.Object(
  {
    originalSha256: Type.Optional(Sha256),
    capturedAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
)
export type EvidenceProvenance = Static<typeof EvidenceProvenance>
