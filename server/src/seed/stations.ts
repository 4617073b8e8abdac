import type { CreateStationRequest } from '../../../src/contract/station'
import type { Db } from '../db/database'
import { findOrganizationByName } from '../modules/organizations/organizations.repository'
import { createStation } from '../modules/stations/stations.service'

/**
 * Four service stations of the demonstration network (seed/organizations.ts), one in a branch of the
 * demo supermarket. Names, phones and hosts are invented; coordinates are GCJ-02 points of real
 * places in Hangzhou and Ningbo, so "nearest first" can be tried from anywhere in either city.
 */
export const DEMO_STATIONS: ReadonlyArray<{ organization: string } & Omit<CreateStationRequest, 'organizationId'>> = [
  {
    organization: '杭州市西湖区消费者协会',
    name: '文三路消费维权服务站',
    hostKind: 'supermarket',
    hostName: '示例优选超市有限公司（杭州文三路店）',
    address: '浙江省杭州市西湖区文三路 398 号一楼服务台',
    latitude: 30.27736,
    longitude: 120.13627,
    openingHours: '每天 9:00-21:00',
    phone: '0571-88001234',
    services: ['consult', 'file_complaint', 'returns'],
  },
  {
    organization: '杭州市上城区消费者协会',
    name: '湖滨社区消费维权服务站',
    hostKind: 'community',
    hostName: '湖滨街道湖滨社区居委会',
    address: '浙江省杭州市上城区东坡路 7 号社区服务中心',
    latitude: 30.25993,
    longitude: 120.16624,
    openingHours: '周一至周五 9:00-17:00',
    phone: '0571-87001234',
    services: ['consult', 'file_complaint', 'mediate'],
  },
  {
    organization: '宁波市海曙区消费者协会',
    name: '鼓楼市场监管所维权服务站',
    hostKind: 'market_regulator',
    hostName: '海曙区市场监管局鼓楼所',
    address: '浙江省宁波市海曙区中山西路 138 号',
    latitude: 29.87482,
    longitude: 121.54612,
    openingHours: '周一至周五 8:30-17:00',
    phone: '0574-87001234',
    services: ['consult', 'file_complaint', 'mediate', 'publicity'],
  },
  {
    organization: '宁波市江北区消费者协会',
    name: '江北晚报读者维权服务站',
    hostKind: 'media',
    hostName: '示例江北晚报社',
    address: '浙江省宁波市江北区人民路 132 号',
    latitude: 29.88829,
    longitude: 121.55433,
    openingHours: '周一至周六 9:00-17:30',
    phone: '0574-87651234',
    services: ['consult', 'publicity'],
  },
]

/** Idempotent: a station that exists by (organization, name) is left as it is. */
export async function seedDemoStations(db: Db, now: Date): Promise<void> {
  for (const { organization: organizationName, ...station } of DEMO_STATIONS) {
    const organization = await findOrganizationByName(db, organizationName)
    if (!organization) continue
    const existing = await db.selectFrom('organization_stations').select('id').where('organization_id', '=', organization.id).where('name', '=', station.name).executeTakeFirst()
    if (!existing) await createStation(db, { organizationId: organization.id, ...station }, now, null)
  }
}
