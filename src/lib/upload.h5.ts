import { EVIDENCE_PROVENANCE_FIELD } from '@/contract/complaint-rules'
import type { Evidence } from '@/contract/evidence'
import { EVIDENCE_UPLOAD_PATH, EVIDENCE_UPLOAD_TIMEOUT_MS, isEvidence } from './upload-response'
import { apiErrorFrom, http } from './http'
import { photoBlob } from './photo-files.h5'
import type { UploadOptions } from './upload'

/** Through the shared axios client: same base URL, auth header, token refresh and error shape. */
export async function uploadEvidence(file: string, { original, provenance, onProgress }: UploadOptions): Promise<Evidence> {
  const blob = await photoBlob(file)
  const form = new FormData()
  // Fields before the file: the server reads `original` before it streams the photo.
  if (original) form.append('original', '1')
  if (provenance) form.append(EVIDENCE_PROVENANCE_FIELD, JSON.stringify(provenance))
  const name = blob instanceof File && blob.name ? blob.name : `photo.${blob.type === 'image/png' ? 'png' : 'jpg'}`
  form.append('file', blob, name)
  const response = await http.post<unknown>(EVIDENCE_UPLOAD_PATH.replace(/^\/api/, ''), form, {
    timeout: EVIDENCE_UPLOAD_TIMEOUT_MS,
    onUploadProgress: (event) => {
      if (event.total) onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)))
    },
  })
  if (!isEvidence(response.data)) throw apiErrorFrom(response.status, response.data, response.headers['retry-after'])
  return response.data
}
