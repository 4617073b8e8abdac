import type { TSchema } from '@sinclair/typebox'
import { buildValidator } from '../plugins/request-validation'
import {
  CreateStationRequest,
  STATION_HOST_KIND_LABELS,
  STATION_HOST_KINDS,
  STATION_SERVICE_LABELS,
  STATION_SERVICES,
  UpdateStationRequest,
  type StationHostKind,
  type StationService,
} from '../../../src/contract/station'
import type { Db } from '../db/database'
import { findOrganizationByName } from '../modules/organizations/organizations.repository'
import { findMembership } from '../modules/organizations/organizations.repository'
import { findUserByPhone } from '../modules/users/user.repository'
import { managedStationsQuery, stationsNamed, type StationRowWithOrganization } from '../modules/stations/stations.repository'
import { changeStation, createStation, toStationDto } from '../modules/stations/stations.service'

export interface StationOptions {
  phone?: string
  name?: string
  organization?: string
  station?: string
  'host-kind'?: string
  'host-name'?: string
  address?: string
  lat?: string
  lng?: string
  hours?: string
  'station-phone'?: string
  services?: string
  deactivate?: boolean
  activate?: boolean
  'no-station'?: boolean
}

export const STATION_COMMANDS = ['create-station', 'update-station', 'list-stations', 'assign-station'] as const

/** A kind or service is written as its code or its Chinese label (超市/商场, 代办投诉 …). */
function codeOf<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>, flag: string): T {
  const found = codes.find((code) => code === value || labels[code] === value || labels[code].split('/').includes(value))
  if (!found) throw new Error(`--${flag} 只能是 ${codes.map((code) => `${code}（${labels[code]}）`).join('、')}，当前值为「${value}」`)
  return found
}

function coordinate(value: string | undefined, flag: string): number | null | undefined {
  if (value === undefined) return undefined
  if (value === '') return null
  const number = Number(value)
  if (!Number.isFinite(number)) throw new Error(`--${flag} 应为数字（GCJ-02 度数，如 30.27736）`)
  return number
}

/** The form's fields given on the command line; unspecified ones are left out. */
function fieldsFrom(options: StationOptions) {
  const fields: Record<string, unknown> = {}
  if (options.name !== undefined) fields.name = options.name.trim()
  if (options['host-kind'] !== undefined) fields.hostKind = codeOf<StationHostKind>(options['host-kind'].trim(), STATION_HOST_KINDS, STATION_HOST_KIND_LABELS, 'host-kind')
  if (options['host-name'] !== undefined) fields.hostName = options['host-name'].trim() || null
  if (options.address !== undefined) fields.address = options.address.trim()
  const latitude = coordinate(options.lat, 'lat')
  const longitude = coordinate(options.lng, 'lng')
  if (latitude !== undefined) fields.latitude = latitude
  if (longitude !== undefined) fields.longitude = longitude
  if (options.hours !== undefined) fields.openingHours = options.hours.trim()
  if (options['station-phone'] !== undefined) fields.phone = options['station-phone'].trim() || null
  if (options.services !== undefined) {
    fields.services = options.services.split(/[,，、\s]+/).filter(Boolean).map((s) => codeOf<StationService>(s, STATION_SERVICES, STATION_SERVICE_LABELS, 'services'))
  }
  return fields
}

/** The API's own schema, so the CLI accepts exactly what the staff page may send. */
function checked<T>(schema: TSchema, value: unknown): T {
  const validate = buildValidator({})({ schema, method: 'POST', url: '/cli', httpPart: 'body' }) as unknown as ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null }
  if (validate(value)) return value as T
  const problem = validate.errors?.[0]
  throw new Error(`参数不正确：${problem?.instancePath || '/'} ${problem?.message ?? ''}（名称、地址、开放时间至少 2 个字）`)
}

async function stationNamed(db: Db, name: string | undefined, organization: string | undefined): Promise<StationRowWithOrganization> {
  if (!name?.trim()) throw new Error('缺少参数 --station（服务站名称）')
  const found = (await stationsNamed(db, name.trim())).filter((s) => !organization || s.organization_name === organization.trim())
  if (found.length === 0) throw new Error(`没有名为「${name}」的服务站（npm run admin -- list-stations 查看全部）`)
  if (found.length > 1) throw new Error(`有 ${found.length} 个服务站名为「${name}」，请用 --organization 指明所属组织`)
  return found[0]!
}

const line = (s: ReturnType<typeof toStationDto>) =>
  `${s.active ? '' : '（已停用）'}${s.name}\t${s.organizationName}\t${STATION_HOST_KIND_LABELS[s.hostKind]}${s.hostName ? `·${s.hostName}` : ''}\t${s.address ?? ''}\t${s.latitude ?? '-'},${s.longitude ?? '-'}\t${s.openingHours}\t${s.phone ?? ''}\t${s.services.map((x) => STATION_SERVICE_LABELS[x]).join('、')}`

export async function runStationCommand(db: Db, command: (typeof STATION_COMMANDS)[number], options: StationOptions, now: Date): Promise<string> {
  switch (command) {
    case 'create-station': {
      if (!options.organization?.trim()) throw new Error('缺少参数 --organization（所属消协组织名称）')
      const organization = await findOrganizationByName(db, options.organization.trim())
      if (!organization) throw new Error(`没有名为「${options.organization}」的组织（npm run admin -- list-organizations 查看全部）`)
      const request = checked<CreateStationRequest>(CreateStationRequest, { organizationId: organization.id, hostKind: 'other', services: ['consult'], ...fieldsFrom(options) })
      const created = await createStation(db, request, now, null)
      return `已创建服务站「${created.name}」，属于「${organization.name}」`
    }
    case 'update-station': {
      const station = await stationNamed(db, options.station, options.organization)
      const { id: _id, organizationId: _o, organizationName: _n, distanceMeters: _d, ...current } = toStationDto(station)
      const active = options.deactivate ? false : options.activate ? true : current.active
      const request = checked<UpdateStationRequest>(UpdateStationRequest, { ...current, ...fieldsFrom(options), active })
      const changed = await changeStation(db, station, request, true, now)
      return `已修改服务站「${changed.name}」${changed.active ? '' : '（已停用，不再出现在查找结果中）'}`
    }
    case 'list-stations': {
      const organization = options.organization ? await findOrganizationByName(db, options.organization.trim()) : undefined
      if (options.organization && !organization) throw new Error(`没有名为「${options.organization}」的组织`)
      const rows = await managedStationsQuery(db, organization?.path ?? '/', 5000).execute()
      return rows.map((row) => line(toStationDto(row))).join('\n') || '（还没有服务站）'
    }
    case 'assign-station': {
      if (!options.phone) throw new Error('缺少参数 --phone')
      const user = await findUserByPhone(db, options.phone)
      const membership = user?.role === 'staff' ? await findMembership(db, user.id) : undefined
      if (!user || !membership) throw new Error(`${options.phone} 不是某个消协组织的工作人员：请先用 add-staff 加入站点所属组织`)
      if (options['no-station']) {
        await db.updateTable('staff_memberships').set({ station_id: null }).where('user_id', '=', user.id).execute()
        return `${options.phone} 不再负责任何服务站`
      }
      const station = await stationNamed(db, options.station, options.organization)
      if (station.organization_id !== membership.organization_id) {
        throw new Error(`${options.phone} 属于其他组织，不能负责「${station.organization_name}」的服务站：请先用 add-staff --organization ${station.organization_name} 调整`)
      }
      await db.updateTable('staff_memberships').set({ station_id: station.id }).where('user_id', '=', user.id).execute()
      return `${options.phone} 现在负责服务站「${station.name}」（只能修改这个站点的信息）`
    }
  }
}
