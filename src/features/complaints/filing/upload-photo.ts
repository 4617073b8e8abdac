import type { Evidence } from '@/contract/evidence'
import { EVIDENCE_MAX_BYTES } from '@/contract/complaint-rules'
import { ERROR_MESSAGES } from '@/contract/error-codes'
import { ApiRequestError } from '@/lib/http'
import { prepareForUpload } from '@/lib/image-compress'
import { discardPhoto } from '@/lib/photo-files'
import { withRetry } from '@/lib/retry'
import { uploadEvidence } from '@/lib/upload'

export type UploadStage = 'preparing' | 'uploading' | 'waiting'

export interface UploadProgress {
  stage: UploadStage
  /** 0–100 while uploading */
  percent: number
  /** 1-based attempt (the next one while waiting) */
  attempt: number
}

/**
 * One photo from the device to the server: compress (unless 原图), upload with progress, retry
 * network and server failures with backoff (3 tries). Throws ApiRequestError with a Chinese message.
 */
export async function uploadPhotoFile(
  file: string,
  options: { original: boolean; bytes: number },
  onProgress: (progress: UploadProgress) => void,
): Promise<Evidence> {
  if (options.original && options.bytes > EVIDENCE_MAX_BYTES) {
    throw new ApiRequestError('IMAGE_TOO_LARGE', ERROR_MESSAGES.IMAGE_TOO_LARGE, 413)
  }
  onProgress({ stage: 'preparing', percent: 0, attempt: 1 })
  const prepared = await prepareForUpload(file, { original: options.original })
  try {
    return await withRetry(
      (attempt) => {
        onProgress({ stage: 'uploading', percent: 0, attempt })
        return uploadEvidence(prepared, { original: options.original, onProgress: (percent) => onProgress({ stage: 'uploading', percent, attempt }) })
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
  return { message: error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : ERROR_MESSAGES.NETWORK_ERROR, rejected: false }
}
