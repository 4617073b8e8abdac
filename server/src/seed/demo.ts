import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database'
import type { Role } from '../../../src/contract/roles'
import { findEnterpriseByName } from '../modules/users/enterprise.repository'
import { findUserByPhone, insertUser } from '../modules/users/user.repository'
import { SEED_ENTERPRISES, type SeedEnterprise } from './enterprises'
import { seedWarnings } from './warnings'
import { seedDemoNetwork } from './organizations'
import { seedDemoStations } from './stations'
import { seedDemoFigures } from './demo-figures'
import { seedDemoPublishedCases } from './published-cases'
import { seedDemoFinding } from './demo-finding'
import { seedDemoReturnCommitment } from './demo-return-commitment'
import { grantDemoCreditPermission } from './demo-credit'
import { addStaffToOrganization } from '../modules/organizations/organizations.service'
import { findMembership, findOrganizationByName } from '../modules/organizations/organizations.repository'
import { DEMO_STATION, ensureDemoStation } from './walk-in'

export const DEMO_ENTERPRISE = { name: '示例优选超市有限公司', creditCode: '91110105MA0000000X' }

/** Staff with an `organization` work there (seed/organizations.ts); 陈主任 works for the default, top organization. */
/** A staff member with a `station` operates that station of their organization (seed/stations.ts) and manages nothing else. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; phone: string; displayName: string; organization?: string; station?: string }> = [
  { role: 'consumer', phone: '13800000001', displayName: '王阿姨' },
  { role: 'volunteer', phone: '13800000002', displayName: '李师傅' },
  { role: 'enterprise', phone: '13800000003', displayName: '张经理' },
  { role: 'staff', phone: '13800000004', displayName: '陈主任' },
  { role: 'staff', phone: '13800000011', displayName: '孙处长', organization: '示例省消费者协会' },
  { role: 'staff', phone: '13800000012', displayName: '周科长', organization: '示例省杭州市消费者协会' },
  { role: 'staff', phone: '13800000013', displayName: '吴干事', organization: '杭州市西湖区消费者协会' },
  { role: 'staff', phone: '13800000014', displayName: '郑干事', organization: '杭州市上城区消费者协会' },
  { role: 'staff', phone: '13800000015', displayName: '冯站长', organization: '杭州市西湖区消费者协会', station: '文三路消费维权服务站' },
  // A station operator (代办 at the counter): neither manages nor mediates, sees only the station's cases.
  { role: 'staff', phone: '13800000016', displayName: '刘站长', organization: DEMO_STATION.organization, station: DEMO_STATION.name },
  { role: 'staff', phone: '13800000017', displayName: '钱主任', organization: '苏州市消费者权益保护委员会' },
]

function directoryColumns(entry: SeedEnterprise) {
  return {
    credit_code: entry.creditCode,
    industry: entry.industry,
    province: entry.province,
    city: entry.city,
    district: entry.district,
    address: entry.address,
    odr: entry.odrSince ? 1 : 0,
    odr_since: entry.odrSince,
    promises: JSON.stringify(entry.promises),
    contact_phone: entry.contactPhone,
  }
}

/**
 * The directory's starting entries, matched by name. A missing one is added; one that exists but was
 * never filled in (a bare row from an older seed or the admin CLI) takes the seed's details; one that
 * staff have edited is left alone.
 */
async function seedDirectory(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    for (const entry of SEED_ENTERPRISES) {
      const existing = await findEnterpriseByName(trx, entry.name)
      if (!existing) {
        await trx.insertInto('enterprises').values({ id: randomUUID(), name: entry.name, created_at: now, ...directoryColumns(entry) }).execute()
      } else if (existing.updated_at === null && existing.province === null) {
        await trx.updateTable('enterprises').set(directoryColumns(entry)).where('id', '=', existing.id).execute()
      }
    }
  })
}

/** Idempotent: running it again changes nothing. */
export async function seedDemoData(db: Db): Promise<void> {
  await seedDirectory(db)
  await seedWarnings(db)
  await seedDemoNetwork(db, new Date())
  await seedDemoStations(db, new Date())
  const enterprise = (await findEnterpriseByName(db, DEMO_ENTERPRISE.name))!
  for (const account of DEMO_ACCOUNTS) {
    const existing = await findUserByPhone(db, account.phone)
    const user =
      existing ??
      (await insertUser(db, {
        phone: account.phone,
        role: account.role,
        displayName: account.displayName,
        enterpriseId: account.role === 'enterprise' ? enterprise.id : null,
      }))
    // The first demo staff member may publish rule versions, so 处理规则维护 can be tried out.
    if (!existing && account.phone === '13800000004') await db.updateTable('users').set({ rule_editor: 1 }).where('id', '=', user.id).execute()
    if (!account.organization || user.role !== 'staff' || (await findMembership(db, user.id))) continue
    const organization = await findOrganizationByName(db, account.organization)
    if (!organization) continue
    const stationId = !account.station
      ? null
      : account.station === DEMO_STATION.name
        ? await ensureDemoStation(db, organization.id, new Date())
        : ((await db.selectFrom('organization_stations').select('id').where('organization_id', '=', organization.id).where('name', '=', account.station).executeTakeFirst())?.id ?? null)
    if (account.station && !stationId) continue
    const permissions = stationId ? { canManage: false, canMediate: false, stationId } : { canManage: true, canMediate: true }
    await addStaffToOrganization(db, user.id, organization.id, permissions, new Date())
  }
  await seedDemoFigures(db, new Date())
  await seedDemoPublishedCases(db, new Date())
  await seedDemoFinding(db, new Date())
  await seedDemoReturnCommitment(db, new Date())
  await grantDemoCreditPermission(db)
}
