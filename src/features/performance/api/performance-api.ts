import type { PerformanceAnswer, PerformanceHandleRequest, PerformanceResponse, UnperformedList } from '@/contract/performance'
import { getJson, postJson } from '@/lib/http'

const base = (complaintId: string) => `/complaints/${encodeURIComponent(complaintId)}/performance`

export const getPerformance = (complaintId: string) => getJson<PerformanceResponse>(base(complaintId))

export const answerPerformance = (complaintId: string, answer: PerformanceAnswer, note?: string) =>
  postJson<PerformanceResponse>(`${base(complaintId)}/answer`, note === undefined ? { answer } : { answer, note })

export const reopenPerformance = (complaintId: string, reason: string) => postJson<PerformanceResponse>(`${base(complaintId)}/reopen`, { reason })

export const getUnperformed = () => getJson<UnperformedList>('/staff/performance/unperformed')

export const handleUnperformed = (complaintId: string, request: PerformanceHandleRequest) =>
  postJson<PerformanceResponse>(`/staff/complaints/${encodeURIComponent(complaintId)}/performance/handle`, request)
