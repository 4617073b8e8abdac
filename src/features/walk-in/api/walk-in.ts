import type { CreateComplaintRequest } from '@/contract/complaint'
import type { MyStation, StartWalkInRequest, StationFigures, StationRecordList, WalkIn, WalkInPhotos } from '@/contract/walk-in'
import { getJson, postJson } from '@/lib/http'

/** GET /api/station/mine (staff at a station; 403 NOT_A_STATION_OPERATOR for other staff). */
export function getMyStation(): Promise<MyStation> {
  return getJson<MyStation>('/station/mine')
}

/** POST /api/station/walk-ins: sends the person's phone the code that confirms consent to this filing. */
export function startWalkIn(body: StartWalkInRequest): Promise<WalkIn> {
  return postJson<WalkIn>('/station/walk-ins', body)
}

/** POST /api/station/walk-ins/:id/consent: the code the person read out. */
export function confirmWalkIn(id: string, code: string): Promise<WalkIn> {
  return postJson<WalkIn>(`/station/walk-ins/${encodeURIComponent(id)}/consent`, { code })
}

/** POST /api/station/walk-ins/:id/photos: a counter photo goes with the filing if no complaint is submitted. */
export function registerCounterPhoto(id: string, evidenceId: string): Promise<WalkInPhotos> {
  return postJson<WalkInPhotos>(`/station/walk-ins/${encodeURIComponent(id)}/photos`, { evidenceId })
}

/** POST /api/station/walk-ins/:id/complaint: safe to repeat, one filing makes one complaint. */
export function submitWalkIn(id: string, body: CreateComplaintRequest): Promise<WalkIn> {
  return postJson<WalkIn>(`/station/walk-ins/${encodeURIComponent(id)}/complaint`, body)
}

/** GET /api/station/walk-ins: 本站代办记录, newest first. */
export function listStationRecords(cursor?: string): Promise<StationRecordList> {
  return getJson<StationRecordList>('/station/walk-ins', cursor ? { cursor } : undefined)
}

/** GET /api/staff/station-figures: cases filed at each visible station per month. */
export function getStationFigures(months = 6): Promise<StationFigures> {
  return getJson<StationFigures>('/staff/station-figures', { months })
}
