import Taro from '@tarojs/taro'
import { EVIDENCE_PROVENANCE_FIELD } from '@/contract/complaint-rules'
import type { Evidence } from '@/contract/evidence'
import { EVIDENCE_UPLOAD_PATH, EVIDENCE_UPLOAD_TIMEOUT_MS, isEvidence } from './upload-response'
import { apiOrigin } from './api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from './http'
import type { UploadOptions } from './upload'

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}

interface Answer {
  status: number
  body: unknown
  retryAfter?: unknown
}

/** Response headers may come with any capitalisation. */
function headerValue(header: Record<string, unknown> | undefined, name: string): unknown {
  const key = Object.keys(header ?? {}).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : header![key]
}

async function send(file: string, { original, provenance, onProgress }: UploadOptions): Promise<Answer> {
  // NOTE: uploadFile does not go through axios: it needs the absolute URL and the header itself.
  const task = Taro.uploadFile({
    url: `${apiOrigin()}${EVIDENCE_UPLOAD_PATH}`,
    filePath: file,
    name: 'file',
    header: authHeader(),
    formData: {
      ...(original ? { original: '1' } : {}),
      ...(provenance ? { [EVIDENCE_PROVENANCE_FIELD]: JSON.stringify(provenance) } : {}),
    },
    timeout: EVIDENCE_UPLOAD_TIMEOUT_MS,
  })
  task.progress?.((update) => onProgress?.(update.progress))
  // NOTE: the success result's `header` is undocumented on weapp; onHeadersReceived is the documented way.
  let headers: Record<string, unknown> | undefined
  task.headersReceive?.((received) => (headers = received.header))
  try {
    const res = await task
    return { status: res.statusCode, body: parse(res.data), retryAfter: headerValue(res.header ?? headers, 'retry-after') }
  } catch {
    return { status: 0, body: null }
  }
}

export async function uploadEvidence(file: string, options: UploadOptions): Promise<Evidence> {
  let answer = await send(file, options)
  if (answer.status === 401) {
    const code = (answer.body as { code?: string } | null)?.code
    if (await recoverFromUnauthorized(code)) answer = await send(file, options)
  }
  if (answer.status >= 200 && answer.status < 300 && isEvidence(answer.body)) return answer.body
  throw apiErrorFrom(answer.status, answer.body, answer.retryAfter)
}
