import type { Evidence } from '@/contract/evidence'
import { ApiRequestError } from '@/lib/http'
import { prepareForUpload } from '@/lib/image-compress'
import { checkPickedPhoto, sizeProblem } from '@/lib/photo-check'
import { discardPhoto, photoFileSize, readPhotoBytes } from '@/lib/photo-files'
import { withRetry } from '@/lib/retry'
import { uploadEvidence } from '@/lib/upload'

// NOTE: the same words as ERROR_MESSAGES.NETWORK_ERROR, written out so the whole table stays out of the weapp main package.
const NETWORK_FAILED = '网络连接失败，请检查网络后重试'

export type UploadStage = 'preparing' | 'uploading' | 'waiting'

export interface UploadProgress {
  stage: UploadStage
  /** 0–100 while uploading */
  percent: number
  /** 1-based attempt (the next one while waiting) */
  attempt: number
}

/** Refused on the phone, before any byte is sent: as final as the server's own 4xx. */
const refusedHere = (code: 'UNSUPPORTED_IMAGE' | 'IMAGE_TOO_LARGE', message: string) => new ApiRequestError(code, message, code === 'IMAGE_TOO_LARGE' ? 413 : 415)

/**
 * One photo from the device to the server: check that it is a photo (magic bytes) and read its
 * hash, capture time and GPS from the file as picked; compress (unless 原图); check the size of what
 * will be sent; upload with progress, retrying network and server failures with backoff (3 tries).
 * Throws ApiRequestError with a Chinese message.
 */
export async function uploadPhotoFile(
  file: string,
  options: { original: boolean },
  onProgress: (progress: UploadProgress) => void,
): Promise<Evidence> {
  onProgress({ stage: 'preparing', percent: 0, attempt: 1 })
  const check = checkPickedPhoto(await readPhotoBytes(file))
  if (!check.ok) throw refusedHere('UNSUPPORTED_IMAGE', check.problem)
  const prepared = await prepareForUpload(file, { original: options.original })
  try {
    const tooLarge = sizeProblem(await photoFileSize(prepared))
    if (tooLarge) throw refusedHere('IMAGE_TOO_LARGE', tooLarge)
    return await withRetry(
      (attempt) => {
        onProgress({ stage: 'uploading', percent: 0, attempt })
        return uploadEvidence(prepared, {
          original: options.original,
          provenance: check.provenance,
          onProgress: (percent) => onProgress({ stage: 'uploading', percent, attempt }),
        })
      },
      { onRetry: (attempt) => onProgress({ stage: 'waiting', percent: 0, attempt: attempt + 1 }) },
    )
  } finally {
    if (prepared !== file) void discardPhoto(prepared)
  }
}

/** The Chinese text for a failed upload, and whether trying again could help. */
export function describeUploadFailure(error: unknown): { message: string; rejected: boolean } {
  if (error instanceof ApiRequestError) {
    const rejected = error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 408 && error.status !== 429
    return { message: error.message, rejected }
  }
  return { message: error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : NETWORK_FAILED, rejected: false }
}
