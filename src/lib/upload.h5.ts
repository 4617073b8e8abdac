import { EVIDENCE_PROVENANCE_FIELD } from '@/contract/complaint-rules'
import type { Evidence } from '@/contract/evidence'
import { EVIDENCE_UPLOAD_PATH, EVIDENCE_UPLOAD_TIMEOUT_MS, isEvidence } from './upload-response'
import { apiErrorFrom } from './http'
import { postForm } from './post-form.h5'
import { photoBlob } from './photo-files.h5'
import type { UploadOptions } from './upload'

/** Same base URL, auth header, token refresh and error shape as every other request. */
export async function uploadEvidence(file: string, { original, provenance, onProgress }: UploadOptions): Promise<Evidence> {
  const blob = await photoBlob(file)
  const form = new FormData()
  // Fields before the file: the server reads `original` before it streams the photo.
  if (original) form.append('original', '1')
  if (provenance) form.append(EVIDENCE_PROVENANCE_FIELD, JSON.stringify(provenance))
  const name = blob instanceof File && blob.name ? blob.name : `photo.${blob.type === 'image/png' ? 'png' : 'jpg'}`
  form.append('file', blob, name)
  const answer = await postForm(EVIDENCE_UPLOAD_PATH, form, { timeoutMs: EVIDENCE_UPLOAD_TIMEOUT_MS, onProgress })
  if (answer.status >= 200 && answer.status < 300 && isEvidence(answer.body)) return answer.body
  throw apiErrorFrom(answer.status, answer.body, answer.retryAfter)
}
