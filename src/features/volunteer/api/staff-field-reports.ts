import type {
  ConvertToComplaintResponse,
  ConvertToWarningResponse,
  FieldReport,
  ReviewNoteRequest,
  StaffFieldReport,
  StaffFieldReportListResponse,
  StaffFieldReportsQuery,
} from '@/contract/field-report'
import { getJson, postJson } from '@/lib/http'

/** GET /api/staff/field-reports */
export const listStaffReports = (query: StaffFieldReportsQuery) => getJson<StaffFieldReportListResponse>('/staff/field-reports', { ...query })

export const getStaffReport = (id: string) => getJson<StaffFieldReport | FieldReport>(`/field-reports/${encodeURIComponent(id)}`)

const action = (id: string, name: string) => `/staff/field-reports/${encodeURIComponent(id)}/${name}`

export const verifyReport = (id: string, body: ReviewNoteRequest) => postJson<unknown>(action(id, 'verify'), body)
export const dismissReport = (id: string, note: string) => postJson<unknown>(action(id, 'dismiss'), { note })
export const convertToComplaint = (id: string, body: ReviewNoteRequest) => postJson<ConvertToComplaintResponse>(action(id, 'convert-complaint'), body)
export const convertToWarning = (id: string, body: ReviewNoteRequest) => postJson<ConvertToWarningResponse>(action(id, 'convert-warning'), body)
