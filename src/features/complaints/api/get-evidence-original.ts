import type { EvidenceOriginal } from '@/contract/evidence'
import { getJson } from '@/lib/http'

/** Staff only: a short-lived link to the untouched original and where it was taken. */
export function getEvidenceOriginal(id: string) {
  return getJson<EvidenceOriginal>(`/evidence/${encodeURIComponent(id)}/original`)
}
