import { apiErrorFrom } from '@/lib/http'
import { postForm } from '@/lib/post-form.h5'
import { photoBlob } from '@/lib/photo-files.h5'
import { isWarningImage, WARNING_IMAGE_PATH, WARNING_IMAGE_TIMEOUT_MS } from './warning-image-response'
import type { WarningImage } from './warning-types'

export async function uploadWarningImage(file: string, onProgress: (percent: number) => void): Promise<WarningImage> {
  const blob = await photoBlob(file)
  const form = new FormData()
  form.append('file', blob, blob instanceof File && blob.name ? blob.name : 'image.jpg')
  const answer = await postForm(WARNING_IMAGE_PATH, form, { timeoutMs: WARNING_IMAGE_TIMEOUT_MS, onProgress })
  if (answer.status >= 200 && answer.status < 300 && isWarningImage(answer.body)) return answer.body
  throw apiErrorFrom(answer.status, answer.body, answer.retryAfter)
}
