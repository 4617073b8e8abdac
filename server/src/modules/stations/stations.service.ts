import { randomUUID } from 'node:crypto'
import {
  REGION_PAGE,
  STATION_SERVICES,
  type CreateStationRequest,
  type Station,
  type StationList,
  type StationSearchQuery,
  type StationService,
  type UpdateStationRequest,
} from '../../../../src/contract/station'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError, badRequest } from '../../errors'
import { findOrganizationById } from '../organizations/organizations.repository'
import { staffScope, type StaffScope } from '../organizations/organization-scope'
import { boxAround, CANDIDATE_CAP, distanceMeters, SEARCH_RADII } from './nearby'
import {
  findStationById,
  insertStation,
  regionStationsQuery,
  stationsInBoxQuery,
  updateStation,
  type RegionPosition,
  type StationRow,
  type StationRowWithOrganization,
} from './stations.repository'

function servicesOf(text: string): StationService[] {
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? parsed.filter((s): s is StationService => STATION_SERVICES.includes(s as StationService)) : []
  } catch {
    return []
  }
}

export function toStationDto(row: StationRowWithOrganization, distance: number | null = null): Station {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    name: row.name,
    hostKind: row.host_kind,
    hostName: row.host_name,
    address: row.address,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    openingHours: row.opening_hours,
    phone: row.phone,
    services: servicesOf(row.services),
    active: Number(row.active) === 1,
    distanceMeters: distance === null ? null : Math.round(distance),
  }
}

const locationIncomplete = () => new AppError(422, 'VALIDATION_FAILED', '纬度和经度要一起填写（或都不填）')

/** Nearest first: boxes of growing radius on organization_stations_nearby until `limit` stations lie within the radius. */
async function nearestStations(db: Db, latitude: number, longitude: number, limit: number): Promise<Station[]> {
  for (const radius of SEARCH_RADII) {
    const rows = await stationsInBoxQuery(db, boxAround(latitude, longitude, radius), CANDIDATE_CAP).execute()
    const measured = rows
      .map((row) => ({ row, distance: distanceMeters(latitude, longitude, Number(row.latitude), Number(row.longitude)) }))
      .sort((a, b) => a.distance - b.distance || a.row.id.localeCompare(b.row.id))
    const within = measured.filter((m) => m.distance <= radius)
    // Enough inside the circle (anything outside is farther), the box was full, or this was the whole earth.
    if (within.length >= limit || rows.length >= CANDIDATE_CAP || radius === SEARCH_RADII[SEARCH_RADII.length - 1]) {
      return measured.slice(0, limit).map((m) => toStationDto(m.row, m.distance))
    }
  }
  return []
}

const encodePosition = (p: RegionPosition) => Buffer.from(JSON.stringify([p.path, p.name, p.id])).toString('base64url')
function decodePosition(cursor: string): RegionPosition {
  let value: unknown = null
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    // answered below
  }
  if (!Array.isArray(value) || value.length !== 3 || !value.every((part) => typeof part === 'string' && part.length > 0 && part.length <= 300)) {
    throw badRequest('VALIDATION_FAILED', '列表位置已失效，请从头刷新')
  }
  const [path, name, id] = value as string[]
  return { path: path!, name: name!, id: id! }
}

/** GET /api/stations: nearest first from a position, or a region's stations by name. */
export async function searchStations(db: Db, query: StationSearchQuery): Promise<StationList> {
  const located = query.latitude !== undefined || query.longitude !== undefined
  if (located && query.organizationId !== undefined) throw new AppError(422, 'VALIDATION_FAILED', '请按位置或按地区查找，不要同时使用')
  if (located) {
    if (query.latitude === undefined || query.longitude === undefined) throw new AppError(422, 'VALIDATION_FAILED', '纬度和经度要一起提供')
    return { items: await nearestStations(db, query.latitude, query.longitude, query.limit ?? 10), nextCursor: null }
  }
  if (query.organizationId === undefined) throw new AppError(422, 'VALIDATION_FAILED', '请允许定位，或选择所在地区')
  const organization = await findOrganizationById(db, query.organizationId)
  if (!organization) throw new AppError(404, 'ORGANIZATION_NOT_FOUND', '没有找到这个地区的消协组织')
  const after = query.cursor ? decodePosition(query.cursor) : null
  const rows = await regionStationsQuery(db, organization.path, after, REGION_PAGE + 1).execute()
  const page = rows.slice(0, REGION_PAGE)
  const last = page[page.length - 1]
  return {
    items: page.map((row) => toStationDto(row)),
    nextCursor: rows.length > REGION_PAGE && last ? encodePosition({ path: last.organization_path, name: last.name, id: last.id }) : null,
  }
}

/**
 * What the caller may do to a station: a manager (can_manage) of its organization or an ancestor
 * anything; its own operator (staff_memberships.station_id) edit it but not take it off the lists.
 * A station outside the caller's subtree does not exist for them (404).
 */
export async function stationAccess(db: Db, userId: string, stationId: string): Promise<{ station: StationRowWithOrganization; scope: StaffScope; manager: boolean }> {
  const scope = await staffScope(db, userId)
  const station = await findStationById(db, stationId)
  if (!station || !station.organization_path.startsWith(scope.organization.path)) throw new AppError(404, 'STATION_NOT_FOUND')
  if (scope.canManage) return { station, scope, manager: true }
  if (scope.stationId === station.id) return { station, scope, manager: false }
  throw new AppError(403, 'FORBIDDEN', '您没有管理这个服务站的权限')
}

type StationFields = Omit<CreateStationRequest, 'organizationId'>

function columnsOf(fields: StationFields) {
  const latitude = fields.latitude ?? null
  const longitude = fields.longitude ?? null
  if ((latitude === null) !== (longitude === null)) throw locationIncomplete()
  return {
    name: fields.name.trim(),
    host_kind: fields.hostKind,
    host_name: fields.hostName?.trim() || null,
    address: fields.address.trim(),
    latitude,
    longitude,
    opening_hours: fields.openingHours.trim(),
    phone: fields.phone?.trim() || null,
    services: JSON.stringify(STATION_SERVICES.filter((s) => fields.services.includes(s))),
  }
}

async function nameTaken<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'STATION_NAME_TAKEN')
    throw error
  }
}

/** A new station of `organizationId`; `scope` (a staff member's) must manage that organization or an ancestor. */
export async function createStation(db: Db, request: CreateStationRequest, now: Date, scope: StaffScope | null, id = randomUUID()): Promise<Station> {
  const organization = await findOrganizationById(db, request.organizationId)
  if (!organization || (scope && !organization.path.startsWith(scope.organization.path))) throw new AppError(404, 'ORGANIZATION_NOT_FOUND')
  if (scope && !scope.canManage) throw new AppError(403, 'FORBIDDEN', '您没有管理服务站的权限')
  const { organizationId: _organizationId, ...fields } = request
  const row: StationRow = {
    id,
    organization_id: organization.id,
    organization_path: organization.path,
    created_at: now.toISOString(),
    updated_at: null,
    active: 1,
    ...columnsOf(fields),
  }
  await nameTaken(insertStation(db, row))
  return toStationDto({ ...row, organization_name: organization.name })
}

/** The whole form; only a manager may change `active`. */
export async function changeStation(db: Db, station: StationRowWithOrganization, request: UpdateStationRequest, manager: boolean, now: Date): Promise<Station> {
  const active = request.active ? 1 : 0
  if (!manager && active !== Number(station.active)) throw new AppError(403, 'FORBIDDEN', '只有管理人员可以停用或恢复服务站')
  const { active: _active, ...fields } = request
  const changes = { ...columnsOf(fields), active, updated_at: now.toISOString() }
  await nameTaken(updateStation(db, station.id, changes))
  return toStationDto({ ...station, ...changes })
}
