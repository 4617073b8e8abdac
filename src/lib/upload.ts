/**
 * Uploading one evidence photo (`POST /api/evidence`, multipart field `file`, `original=1` for an
 * untouched original, `provenance` JSON). Taro builds `upload.weapp.ts` (Taro.uploadFile) or `upload.h5.ts` (a
 * FormData request: @tarojs/plugin-http stubs FormData on weapp, so that code must stay H5-only).
 * One call is one attempt; `withRetry` in ./retry adds the backoff. Failures are ApiRequestError.
 */
import type { Evidence, EvidenceProvenance } from '@/contract/evidence'

export interface UploadOptions {
  original: boolean
  /** Read from the picked file before compressing (hash, capture time, GPS): sent as the `provenance` field. */
  provenance?: EvidenceProvenance
  /** 0–100 */
  onProgress?: (percent: number) => void
}

export function uploadEvidence(_file: string, _options: UploadOptions): Promise<Evidence> {
  throw new Error('维权通只支持微信小程序和手机网页')
}
