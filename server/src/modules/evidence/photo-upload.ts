import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
import '@fastify/multipart' // declares request.isMultipart() and request.parts()
import { EVIDENCE_MAX_BYTES } from '../../../../src/contract/complaint-rules'
import { EVIDENCE_FILE_FIELD, EVIDENCE_PROVENANCE_FIELD } from '../../../../src/contract/evidence'
import { AppError } from '../../errors'

/** One byte over the maximum, so that a file of exactly the maximum passes and anything larger is seen to be larger. */
export const PHOTO_UPLOAD_LIMITS = { fileSize: EVIDENCE_MAX_BYTES + 1, files: 1, fields: 4, fieldSize: 1024, parts: 5 }

/** Where photos being received are written; `*.tmp` files left there by a crash are removed by the cleanup job. */
export const uploadTempDir = (dataDir: string) => path.join(dataDir, 'upload-tmp')

export interface PhotoUpload {
  /** The received bytes, on disk until processing reads them; the caller removes the file. */
  file: string
  /** The user chose 原图: the device sent the photo as taken instead of its own compressed copy. */
  fullSize: boolean
  /** The raw `provenance` field (JSON, parsed by evidence-provenance.ts). */
  provenance: string | undefined
}

/**
 * Streams the `file` part (and reads the optional `original=1` field) of a multipart upload to a
 * temporary file: a burst of slow phone uploads then costs disk space, not memory.
 */
export async function readPhotoUpload(request: FastifyRequest, tempDir: string): Promise<PhotoUpload> {
  if (!request.isMultipart()) throw new AppError(400, 'FILE_REQUIRED')
  let photo: string | undefined
  let fullSize = false
  const written: string[] = []
  let provenance: string | undefined
  try {
    await mkdir(tempDir, { recursive: true })
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'original') fullSize = part.value === '1'
        if (part.fieldname === EVIDENCE_PROVENANCE_FIELD) provenance = String(part.value)
        continue
      }
      // Every file part must be read to the end, or the parser waits for it forever.
      const file = path.join(tempDir, `${randomUUID()}.tmp`)
      written.push(file)
      await pipeline(part.file, createWriteStream(file))
      if (part.file.truncated) throw new AppError(413, 'IMAGE_TOO_LARGE')
      if (part.fieldname === EVIDENCE_FILE_FIELD) photo = file
    }
  } catch (error) {
    await Promise.all(written.map((file) => rm(file, { force: true })))
    throw uploadError(error)
  }
  await Promise.all(written.filter((file) => file !== photo).map((file) => rm(file, { force: true })))
  if (!photo) throw new AppError(400, 'FILE_REQUIRED')
  return { file: photo, fullSize, provenance }
}

/** @fastify/multipart and busboy errors, in our codes. */
function uploadError(error: unknown): AppError {
  if (error instanceof AppError) return error
  const code = (error as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'IMAGE_TOO_LARGE')
  if (code === 'FST_FILES_LIMIT') return new AppError(400, 'VALIDATION_FAILED', '一次只能上传一张照片')
  return Object.assign(new AppError(400, 'VALIDATION_FAILED', '上传的内容格式不正确，请重新选择照片'), { cause: error })
}
