import type { Db } from '../db/database'
import { createStation } from '../modules/stations/stations.service'

/** The demo station of the station operator login; by name, so a stations seed naming it too adds no second one. */
export const DEMO_STATION = { name: '西湖区文三路社区服务站', address: '杭州市西湖区文三路 90 号社区服务中心一楼', organization: '杭州市西湖区消费者协会' }

/** Idempotent: the station of that name in the organization, created when missing. */
export async function ensureDemoStation(db: Db, organizationId: string, now: Date): Promise<string> {
  const existing = await db.selectFrom('organization_stations').select('id').where('organization_id', '=', organizationId).where('name', '=', DEMO_STATION.name).executeTakeFirst()
  if (existing) return existing.id
  // Through the stations service, so it has its organization's path, hours and services (migration 0029).
  const station = await createStation(
    db,
    { organizationId, name: DEMO_STATION.name, hostKind: 'community', address: DEMO_STATION.address, latitude: 30.28052, longitude: 120.14571, openingHours: '周一至周五 9:00-17:00', phone: null, services: ['consult', 'file_complaint'] },
    now,
    null,
  )
  return station.id
}
