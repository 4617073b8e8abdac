import type { CreateStationRequest, StaffStationList, Station, StationList, StationRegionList, UpdateStationRequest } from '@/contract/station'
import { getJson, http, postJson } from '@/lib/http'

/** GET /api/stations (public): nearest first from a GCJ-02 position. */
export function nearestStations(latitude: number, longitude: number): Promise<StationList> {
  return getJson<StationList>('/stations', { latitude: latitude.toFixed(6), longitude: longitude.toFixed(6), limit: 10 })
}

/** GET /api/stations (public): an organization's stations and those below it, a page at a time. */
export function regionStations(organizationId: string, cursor?: string | null): Promise<StationList> {
  return getJson<StationList>('/stations', { organizationId, ...(cursor ? { cursor } : {}) })
}

/** GET /api/stations/regions (public): the network, to pick a province, city and county. */
export function stationRegions(): Promise<StationRegionList> {
  return getJson<StationRegionList>('/stations/regions')
}

/** GET /api/staff/stations: the stations the caller looks after. */
export function myStations(): Promise<StaffStationList> {
  return getJson<StaffStationList>('/staff/stations')
}

/** POST /api/staff/stations (managers). */
export function addStation(body: CreateStationRequest): Promise<Station> {
  return postJson<Station>('/staff/stations', body)
}

/** PUT /api/staff/stations/:id: the whole form (weapp's request has no PATCH). */
export async function saveStation(id: string, body: UpdateStationRequest): Promise<Station> {
  return (await http.put<Station>(`/staff/stations/${encodeURIComponent(id)}`, body)).data
}
