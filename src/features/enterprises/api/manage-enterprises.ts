import type { UserProfile } from '@/contract/auth'
import type { CreateEnterpriseRequest, EnterpriseDetail, EnterpriseSearchResponse, LiaisonListResponse } from '@/contract/enterprise'
import { getJson, http, postJson } from '@/lib/http'

const path = (id: string) => `/enterprises/${encodeURIComponent(id)}`

/** GET /api/enterprises: the directory, by name, a page at a time. */
export function searchEnterprises(q: string, page = 1) {
  return getJson<EnterpriseSearchResponse>('/enterprises', q.trim() ? { q: q.trim(), page } : { page })
}

/** POST /api/enterprises (staff). */
export function createEnterprise(body: CreateEnterpriseRequest) {
  return postJson<EnterpriseDetail>('/enterprises', body)
}

/** PUT /api/enterprises/:id (staff): the whole form (wx.request cannot send PATCH). */
export async function updateEnterprise(id: string, body: CreateEnterpriseRequest) {
  return (await http.put<EnterpriseDetail>(path(id), body)).data
}

/** GET /api/enterprises/:id/liaisons (staff). */
export function listLiaisons(id: string) {
  return getJson<LiaisonListResponse>(`${path(id)}/liaisons`)
}

/** POST /api/enterprises/:id/liaisons (staff): creates the account of this phone, or binds an existing one. */
export function bindLiaison(id: string, phone: string, name: string) {
  return postJson<UserProfile>(`${path(id)}/liaisons`, { phone: phone.trim(), name: name.trim() })
}
