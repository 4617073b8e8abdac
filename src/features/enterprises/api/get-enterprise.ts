import type { EnterpriseDetail } from '@/contract/enterprise'
import { getJson } from '@/lib/http'

/** GET /api/enterprises/:id (public): the directory entry with its figures. */
export function getEnterprise(id: string): Promise<EnterpriseDetail> {
  return getJson<EnterpriseDetail>(`/enterprises/${encodeURIComponent(id)}`)
}
