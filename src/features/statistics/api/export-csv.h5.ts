import type { StatisticsQuery } from '@/contract/statistics'
import { apiOrigin } from '@/lib/api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from '@/lib/http'

export const CAN_EXPORT_CSV: boolean = true

/** The file name the server chose (content-disposition), or a plain one. */
function filenameOf(response: Response): string {
  const match = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')
  return match?.[1] ?? 'weiquan-complaints.csv'
}

/**
 * A plain <a href> cannot carry the Authorization header, so the CSV is fetched with it and saved
 * from a Blob through an object URL.
 */
export async function exportStatisticsCsv(query: StatisticsQuery): Promise<void> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  const search = params.toString()
  const url = `${apiOrigin()}/api/staff/statistics.csv${search ? `?${search}` : ''}`
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
  const blob = await response.blob()
  const objectUrl = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = objectUrl
  link.download = filenameOf(response)
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000)
}
