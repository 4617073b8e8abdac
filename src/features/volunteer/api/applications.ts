import type { ApproveApplicationRequest, CreateVolunteerApplicationRequest, DecisionWithNoteRequest, MyVolunteerApplicationResponse, StaffVolunteerApplicationsQuery, VolunteerApplication, VolunteerApplicationListResponse } from '@/contract/volunteer'
import { getJson, postJson } from '@/lib/http'

/** POST /api/volunteer-applications */
export const applyToVolunteer = (body: CreateVolunteerApplicationRequest) => postJson<VolunteerApplication>('/volunteer-applications', body)

/** GET /api/volunteer-applications/mine: the latest application or null. */
export const getMyApplication = () => getJson<MyVolunteerApplicationResponse>('/volunteer-applications/mine')

/** GET /api/staff/volunteer-applications */
export const listApplications = (query: StaffVolunteerApplicationsQuery) => getJson<VolunteerApplicationListResponse>('/staff/volunteer-applications', { ...query })

export const approveApplication = (id: string, body: ApproveApplicationRequest) =>
  postJson<VolunteerApplication>(`/staff/volunteer-applications/${encodeURIComponent(id)}/approve`, body)

export const declineApplication = (id: string, body: DecisionWithNoteRequest) =>
  postJson<VolunteerApplication>(`/staff/volunteer-applications/${encodeURIComponent(id)}/decline`, body)

export const revokeVolunteer = (userId: string, body: DecisionWithNoteRequest) => postJson<unknown>(`/staff/volunteers/${encodeURIComponent(userId)}/revoke`, body)
