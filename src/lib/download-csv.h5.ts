import { apiOrigin } from './api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from './http'

/**
 * Saves a staff CSV export (statistics, field reports). A plain <a href> cannot carry the
 * Authorization header, so the file is fetched with it and saved from a Blob through an object URL.
 */
export async function downloadCsv(path: string, query: object, fallbackName: string): Promise<void> {
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
  const objectUrl = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = objectUrl
  link.download = match?.[1] ?? fallbackName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000)
}
