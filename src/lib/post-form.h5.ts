import { apiOrigin } from './api-base'
import { authHeader, recoverFromUnauthorized } from './http'

export interface FormAnswer {
  status: number
  body: unknown
  retryAfter?: unknown
}

export interface PostFormOptions {
  timeoutMs: number
  onProgress?: (percent: number) => void
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** XMLHttpRequest, because fetch reports no upload progress. Any HTTP status resolves; no answer is status 0. */
function send(path: string, form: FormData, { timeoutMs, onProgress }: PostFormOptions): Promise<FormAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${apiOrigin()}${path}`)
    for (const [name, value] of Object.entries(authHeader())) xhr.setRequestHeader(name, value)
    xhr.timeout = timeoutMs
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total) onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)))
    }
    xhr.onload = () => resolve({ status: xhr.status, body: parse(xhr.responseText), retryAfter: xhr.getResponseHeader('retry-after') ?? undefined })
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => resolve({ status: 0, body: null })
    xhr.send(form)
  })
}

/** H5 uploads: a multipart POST to `path` (`/api/…`) with the access token, renewed once after a 401 like every other request. */
export async function postForm(path: string, form: FormData, options: PostFormOptions): Promise<FormAnswer> {
  let answer = await send(path, form, options)
  if (answer.status === 401) {
    const code = (answer.body as { code?: unknown } | null)?.code
    if (await recoverFromUnauthorized(typeof code === 'string' ? code : undefined)) answer = await send(path, form, options)
  }
  return answer
}
