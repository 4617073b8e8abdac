import { apiErrorFrom, http } from '@/lib/http'
import { photoBlob } from '@/lib/photo-files.h5'
import { isWarningImage, WARNING_IMAGE_PATH, WARNING_IMAGE_TIMEOUT_MS } from './warning-image-response'
import type { WarningImage } from './warning-types'

export async function uploadWarningImage(file: string, onProgress: (percent: number) => void): Promise<WarningImage> {
  const blob = await photoBlob(file)
  const form = new FormData()
  form.append('file', blob, blob instanceof File && blob.name ? blob.name : 'image.jpg')
  const response = await http.post<unknown>(WARNING_IMAGE_PATH.replace(/^\/api/, ''), form, {
    timeout: WARNING_IMAGE_TIMEOUT_MS,
    onUploadProgress: (event) => {
      if (event.total) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)))
    },
  })
  if (!isWarningImage(response.data)) throw apiErrorFrom(response.status, response.data)
  return response.data
}
