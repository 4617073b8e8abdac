import { apiOrigin } from '@/lib/api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from '@/lib/http'
import { pdfPath } from './agreement-api'

/** Saves the signed agreement: fetched with the Authorization header, saved from a Blob. */
export async function downloadAgreementPdf(complaintId: string, fallbackName: string): Promise<void> {
  const url = `${apiOrigin()}/api${pdfPath(complaintId)}`
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
  const objectUrl = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = objectUrl
  link.download = fallbackName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000)
}
