import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database'

/** The demo station of the station operator login; by name, so a stations seed naming it too adds no second one. */
export const DEMO_STATION = { name: '西湖区文三路社区服务站', address: '杭州市西湖区文三路 90 号社区服务中心一楼', organization: '杭州市西湖区消费者协会' }

/** Idempotent: the station of that name in the organization, created when missing. */
export async function ensureDemoStation(db: Db, organizationId: string, now: Date): Promise<string> {
  const existing = await db.selectFrom('organization_stations').select('id').where('organization_id', '=', organizationId).where('name', '=', DEMO_STATION.name).executeTakeFirst()
  if (existing) return existing.id
  const id = randomUUID()
  await db
    .insertInto('organization_stations')
    .values({ id, organization_id: organizationId, name: DEMO_STATION.name, address: DEMO_STATION.address, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return (await db.selectFrom('organization_stations').select('id').where('organization_id', '=', organizationId).where('name', '=', DEMO_STATION.name).executeTakeFirstOrThrow()).id
}
