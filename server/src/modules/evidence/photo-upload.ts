import type { FastifyRequest } from 'fastify'
import '@fastify/multipart' // declares request.isMultipart() and request.parts()
import { EVIDENCE_MAX_BYTES } from '../../../../src/contract/complaint-rules'
import { EVIDENCE_FILE_FIELD, EVIDENCE_PROVENANCE_FIELD } from '../../../../src/contract/evidence'
import { AppError } from '../../errors'

/** One byte over the maximum, so that a file of exactly the maximum passes and anything larger is seen to be larger. */
export const PHOTO_UPLOAD_LIMITS = { fileSize: EVIDENCE_MAX_BYTES + 1, files: 1, fields: 4, fieldSize: 1024, parts: 5 }

export interface PhotoUpload {
  bytes: Buffer
  /** The user chose 原图: the device sent the photo as taken instead of its own compressed copy. */
  fullSize: boolean
  /** The raw `provenance` field (JSON, parsed by evidence-provenance.ts). */
  provenance: string | undefined
}

/** Reads the `file` part (and the optional `original=1` field) of a multipart upload into memory. */
export async function readPhotoUpload(request: FastifyRequest): Promise<PhotoUpload> {
  if (!request.isMultipart()) throw new AppError(400, 'FILE_REQUIRED')
  let bytes: Buffer | undefined
  let fullSize = false
  let provenance: string | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'original') fullSize = part.value === '1'
        if (part.fieldname === EVIDENCE_PROVENANCE_FIELD) provenance = String(part.value)
        continue
      }
      // Every file part must be read to the end, or the parser waits for it forever.
      const content = await part.toBuffer()
      if (part.fieldname === EVIDENCE_FILE_FIELD) bytes = content
    }
  } catch (error) {
    throw uploadError(error)
  }
  if (!bytes) throw new AppError(400, 'FILE_REQUIRED')
  return { bytes, fullSize, provenance }
}

/** @fastify/multipart and busboy errors, in our codes. */
function uploadError(error: unknown): AppError {
  if (error instanceof AppError) return error
  const code = (error as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'IMAGE_TOO_LARGE')
  if (code === 'FST_FILES_LIMIT') return new AppError(400, 'VALIDATION_FAILED', '一次只能上传一张照片')
  return Object.assign(new AppError(400, 'VALIDATION_FAILED', '上传的内容格式不正确，请重新选择照片'), { cause: error })
}
