import type { DataExport, LatestDataExport } from '@/contract/data-export'
import { getJson, postJson } from '@/lib/http'

/** Queues an export of the signed-in person's data; while one is being prepared, returns that one. */
export function requestDataExport() {
  return postJson<DataExport>('/me/data-exports')
}

export async function getLatestDataExport(): Promise<DataExport | null> {
  return (await getJson<LatestDataExport>('/me/data-exports/latest')).current
}
