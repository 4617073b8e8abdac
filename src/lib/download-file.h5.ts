import { apiOrigin } from './api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from './http'

/**
 * Saves a staff export (a CSV, an evidence package). A plain <a href> cannot carry the Authorization
 * header, so the file is fetched with it and saved from a Blob through an object URL. `onProgress`
 * hears the share received so far (null while the size is unknown). Resolves with the saved name.
 */
export async function downloadFile(path: string, query: object, fallbackName: string, onProgress?: (share: number | null) => void): Promise<string> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''))
  const search = params.toString()
  const url = `${apiOrigin()}/api${path}${search ? `?${search}` : ''}`
  const load = () => fetch(url, { headers: authHeader() }).catch(() => null)
  const errorBody = async (res: Response) => (await res.json().catch(() => null)) as { code?: string } | null
  let response = await load()
  if (response?.status === 401) {
    const body = await errorBody(response)
    if (!(await recoverFromUnauthorized(body?.code))) throw apiErrorFrom(401, body)
    response = await load()
  }
  if (!response) throw apiErrorFrom(0, null)
  if (!response.ok) throw apiErrorFrom(response.status, await errorBody(response))
  const match = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')
  const blob = await readBody(response, onProgress).catch(() => {
    throw apiErrorFrom(0, null)
  })
  const objectUrl = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = objectUrl
  link.download = match?.[1] ?? fallbackName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000)
  return link.download
}

async function readBody(response: Response, onProgress?: (share: number | null) => void): Promise<Blob> {
  const total = Number(response.headers.get('content-length')) || 0
  if (!onProgress || !response.body) return response.blob()
  const reader = response.body.getReader()
  const chunks: BlobPart[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.length
    onProgress(total > 0 ? Math.min(1, received / total) : null)
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' })
}
