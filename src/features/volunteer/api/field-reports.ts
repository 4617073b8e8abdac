import type { FieldReport, FieldReportListResponse } from '@/contract/field-report'
import { getJson } from '@/lib/http'

/** GET /api/field-reports/mine (newest first) */
export const listMyReports = (cursor?: string) => getJson<FieldReportListResponse>('/field-reports/mine', cursor ? { cursor } : undefined)

/** GET /api/field-reports/:id (owner or staff) */
export const getFieldReport = (id: string) => getJson<FieldReport>(`/field-reports/${encodeURIComponent(id)}`)
