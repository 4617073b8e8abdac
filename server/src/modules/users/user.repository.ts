import { randomUUID } from 'node:crypto'
import type { Insertable, Selectable } from 'kysely'
import { isUniqueViolation, type Db } from '../../db/database'
import type { UserTable } from '../../db/schema'
import type { Role } from '../../../../src/contract/roles'

export type UserRow = Selectable<UserTable>

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findUserByPhone(db: Db, phone: string) {
  return db.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirst()
}

export function findUserByOpenid(db: Db, openid: string) {
  return db.selectFrom('users').selectAll().where('wechat_openid', '=', openid).executeTakeFirst()
}

export interface NewUser {
  phone?: string | null
  wechatOpenid?: string | null
  role: Role
  displayName: string
  enterpriseId?: string | null
}

export async function insertUser(db: Db, user: NewUser, now = new Date().toISOString()): Promise<UserRow> {
  const row: Insertable<UserTable> = {
    id: randomUUID(),
    phone: user.phone ?? null,
    wechat_openid: user.wechatOpenid ?? null,
    role: user.role,
    display_name: user.displayName,
    enterprise_id: user.enterpriseId ?? null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('users').values(row).execute()
  return (await findUserById(db, row.id))!
}

/**
 * Returns the user with this phone, creating a consumer if there is none. Two first logins racing
 * for one phone both end with the same user: the loser of the UNIQUE race reads the winner's row.
 */
export async function findOrCreateUserByPhone(db: Db, phone: string, displayName = `用户${phone.slice(-4)}`): Promise<UserRow> {
  const existing = await findUserByPhone(db, phone)
  if (existing) return existing
  try {
    return await insertUser(db, { phone, role: 'consumer', displayName })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return (await findUserByPhone(db, phone))!
  }
}

export async function findOrCreateUserByOpenid(db: Db, openid: string): Promise<UserRow> {
  const existing = await findUserByOpenid(db, openid)
  if (existing) return existing
  try {
    return await insertUser(db, { wechatOpenid: openid, role: 'consumer', displayName: '微信用户' })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return (await findUserByOpenid(db, openid))!
  }
}

export function updateUserRole(db: Db, id: string, role: Role, enterpriseId: string | null) {
  return db
    .updateTable('users')
    .set({ role, enterprise_id: enterpriseId, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
}

export async function listUsers(db: Db, filter: { role?: Role; offset: number; limit: number }) {
  let query = db.selectFrom('users')
  if (filter.role) query = query.where('role', '=', filter.role)
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(filter.offset).limit(filter.limit).execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Active association staff, by name: whom a complaint can be assigned to. */
export function listActiveStaff(db: Db) {
  return db.selectFrom('users').select(['id', 'display_name']).where('role', '=', 'staff').where('disabled', '=', 0).orderBy('display_name').orderBy('id').execute()
}
