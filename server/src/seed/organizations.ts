import type { OrganizationLevel } from '../../../src/contract/organization'
import type { Db } from '../db/database'
import { DEFAULT_ORGANIZATION_ID, findOrganizationById, findOrganizationByName } from '../modules/organizations/organizations.repository'
import { createOrganization } from '../modules/organizations/organizations.service'
import { findAllianceByName } from '../modules/alliances/alliances.repository'
import { addToAlliance, createAlliance } from '../modules/alliances/alliances.service'

/**
 * A demonstration network under the default organization: one province with two cities of two
 * counties each, and 苏州 of another province in an alliance with 杭州. The names are invented (示例…); the region codes are real GB/T 2260 codes of
 * Zhejiang, so a complaint about a business in 浙江省/杭州市/西湖区 goes to the 西湖区 association.
 */
export const DEMO_NETWORK: ReadonlyArray<{ name: string; level: OrganizationLevel; regionCode: string; parent: string | null }> = [
  { name: '示例省消费者协会', level: 'province', regionCode: '33', parent: null },
  { name: '示例省杭州市消费者协会', level: 'city', regionCode: '3301', parent: '示例省消费者协会' },
  { name: '杭州市西湖区消费者协会', level: 'county', regionCode: '330106', parent: '示例省杭州市消费者协会' },
  { name: '杭州市上城区消费者协会', level: 'county', regionCode: '330102', parent: '示例省杭州市消费者协会' },
  { name: '示例省宁波市消费者协会', level: 'city', regionCode: '3302', parent: '示例省消费者协会' },
  { name: '宁波市海曙区消费者协会', level: 'county', regionCode: '330203', parent: '示例省宁波市消费者协会' },
  { name: '宁波市江北区消费者协会', level: 'county', regionCode: '330205', parent: '示例省宁波市消费者协会' },
  // A neighbouring city of another province, directly under the top (no 江苏 province in the demo):
  // a real 3205 苏州市 code, so a business in 江苏省/苏州市 goes there.
  { name: '苏州市消费者权益保护委员会', level: 'city', regionCode: '3205', parent: null },
]

/** The demo alliance: 杭州 and 苏州 across two provinces may 联盟移送 cases to each other. */
export const DEMO_ALLIANCE = { name: '环太湖毗邻城市消费维权联盟', members: ['示例省杭州市消费者协会', '苏州市消费者权益保护委员会'] } as const

/** Idempotent: an organization that exists by name is left as it is. */
export async function seedDemoNetwork(db: Db, now: Date): Promise<void> {
  for (const entry of DEMO_NETWORK) {
    if (await findOrganizationByName(db, entry.name)) continue
    const parent = entry.parent ? await findOrganizationByName(db, entry.parent) : await findOrganizationById(db, DEFAULT_ORGANIZATION_ID)
    if (!parent) continue
    await createOrganization(db, { name: entry.name, level: entry.level, regionCode: entry.regionCode, parentId: parent.id }, now)
  }
  const alliance = (await findAllianceByName(db, DEMO_ALLIANCE.name)) ?? (await createAlliance(db, DEMO_ALLIANCE.name, now))
  for (const name of DEMO_ALLIANCE.members) {
    const member = await findOrganizationByName(db, name)
    if (member) await addToAlliance(db, alliance, member, now)
  }
}
