import type { Industry } from '@/contract/complaint-rules'
import type { WarningKind, WarningStatus } from '@/contract/warning-kinds'
import { getJson, http, postJson } from '@/lib/http'
import type { StaffWarning, StaffWarningListResponse, StaffWarningSaveResponse } from './warning-types'

export interface WarningFields {
  kind: WarningKind
  title: string
  summary: string
  bodyHtml: string
  industry: Industry
  regions: string[]
  urgent: boolean
  coverImageId: string | null
  issuer: string
}

export function listStaffWarnings(query: { status?: WarningStatus; q?: string; page?: number }): Promise<StaffWarningListResponse> {
  return getJson<StaffWarningListResponse>('/staff/warnings', { ...query })
}

export function getStaffWarning(id: string): Promise<StaffWarning> {
  return getJson<StaffWarning>(`/staff/warnings/${encodeURIComponent(id)}`)
}

export function createWarning(fields: WarningFields): Promise<StaffWarningSaveResponse> {
  return postJson<StaffWarningSaveResponse>('/staff/warnings', fields)
}

export async function updateWarning(id: string, fields: Partial<WarningFields>): Promise<StaffWarningSaveResponse> {
  return (await http.patch<StaffWarningSaveResponse>(`/staff/warnings/${encodeURIComponent(id)}`, fields)).data
}

/** A future `publishAt` schedules it; none publishes now. */
export function publishWarning(id: string, publishAt?: string): Promise<unknown> {
  return postJson(`/staff/warnings/${encodeURIComponent(id)}/publish`, publishAt ? { publishAt } : {})
}

export function unpublishWarning(id: string): Promise<unknown> {
  return postJson(`/staff/warnings/${encodeURIComponent(id)}/unpublish`)
}

export function archiveWarning(id: string): Promise<unknown> {
  return postJson(`/staff/warnings/${encodeURIComponent(id)}/archive`)
}

/** The server's sanitizer is the one truth: the live preview shows exactly what will be published. */
export async function previewBody(bodyHtml: string): Promise<string> {
  return (await postJson<{ bodyHtml: string }>('/staff/warnings/preview', { bodyHtml })).bodyHtml
}
