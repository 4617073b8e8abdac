import Taro from '@tarojs/taro'
import { apiOrigin } from '@/lib/api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from '@/lib/http'
import { isWarningImage, WARNING_IMAGE_PATH, WARNING_IMAGE_TIMEOUT_MS } from './warning-image-response'
import type { WarningImage } from './warning-types'

async function send(file: string, onProgress: (percent: number) => void): Promise<{ status: number; body: unknown }> {
  // NOTE: uploadFile does not go through axios: it needs the absolute URL and the header itself.
  const task = Taro.uploadFile({ url: `${apiOrigin()}${WARNING_IMAGE_PATH}`, filePath: file, name: 'file', header: authHeader(), timeout: WARNING_IMAGE_TIMEOUT_MS })
  task.progress?.((update) => onProgress(update.progress))
  try {
    const res = await task
    try {
      return { status: res.statusCode, body: JSON.parse(res.data) as unknown }
    } catch {
      return { status: res.statusCode, body: null }
    }
  } catch {
    return { status: 0, body: null }
  }
}

export async function uploadWarningImage(file: string, onProgress: (percent: number) => void): Promise<WarningImage> {
  let answer = await send(file, onProgress)
  if (answer.status === 401 && (await recoverFromUnauthorized((answer.body as { code?: string } | null)?.code))) answer = await send(file, onProgress)
  if (answer.status >= 200 && answer.status < 300 && isWarningImage(answer.body)) return answer.body
  throw apiErrorFrom(answer.status, answer.body)
}
