import type { StaffFieldReportsQuery } from '@/contract/field-report'
import { apiOrigin } from '@/lib/api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from '@/lib/http'

export const CAN_EXPORT_CSV: boolean = true

/** A plain <a href> cannot carry the Authorization header: fetch with it, save from a Blob. */
export async function exportReportsCsv(query: StaffFieldReportsQuery): Promise<void> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''))
  const search = params.toString()
  const url = `${apiOrigin()}/api/staff/field-reports.csv${search ? `?${search}` : ''}`
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
  link.download = match?.[1] ?? 'weiquan-field-reports.csv'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000)
}
