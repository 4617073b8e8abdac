import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Db, Dialect } from '../../db/database'
import type { SmsCodePurpose } from '../../adapters/sms'

/**
 * Holds code requests for this phone and for this address until the transaction ends, so each
 * request counts its limits and writes its code as one step. SQLite runs one transaction at a time anyway.
 */
export async function lockSmsLimits(trx: Db, dialect: Dialect, phone: string, ip: string) {
  if (dialect !== 'postgres') return
  // Separate key spaces (1: phone, 2: address) taken in this order, so two requests never wait on each other in a cycle.
  await sql`select pg_advisory_xact_lock(1, hashtext(${phone}))`.execute(trx)
  await sql`select pg_advisory_xact_lock(2, hashtext(${ip}))`.execute(trx)
}

export async function countCodesSince(db: Db, by: { phone: string } | { ip: string }, sinceIso: string) {
  let query = db.selectFrom('sms_codes').select((eb) => eb.fn.countAll<number | string>().as('n')).where('created_at', '>', sinceIso)
  query = 'phone' in by ? query.where('phone', '=', by.phone) : query.where('ip', '=', by.ip)
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface CodeScope {
  purpose: SmsCodePurpose
  /** What exactly the code confirms (a filing, an agreement version); null for login. */
  subject: string | null
}

export async function insertCode(db: Db, code: CodeScope & { phone: string; codeHash: string; ip: string; createdAt: string; expiresAt: string }) {
  const id = randomUUID()
  await db
    .insertInto('sms_codes')
    .values({
      id,
      phone: code.phone,
      code_hash: code.codeHash,
      ip: code.ip,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
      purpose: code.purpose,
      subject: code.subject,
    })
    .execute()
  return id
}

export function deleteCode(db: Db, id: string) {
  return db.deleteFrom('sms_codes').where('id', '=', id).execute()
}

/**
 * Only the newest code of a phone for this purpose counts: asking for a new one retires the older
 * ones. A code for another subject (another filing, another agreement text) confirms nothing here.
 */
export async function findLatestCode(db: Db, phone: string, scope: CodeScope) {
  const latest = await db
    .selectFrom('sms_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('purpose', '=', scope.purpose)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return latest && latest.subject === scope.subject ? latest : undefined
}

/**
 * Counts a wrong guess unless the code is already used up. The limit is checked inside the same
 * statement (the row lock orders concurrent guesses), so a burst of guesses cannot overshoot it.
 */
export function recordFailedAttempt(db: Db, id: string, maxAttempts: number) {
  return db
    .updateTable('sms_codes')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('failed_attempts', '<', maxAttempts)
    .execute()
}

/** Marks the code used if it is still usable at this instant; false when a concurrent request used it or burnt it first. */
export async function consumeCode(db: Db, id: string, nowIso: string, maxAttempts: number): Promise<boolean> {
  const result = await db
    .updateTable('sms_codes')
    .set({ consumed_at: nowIso })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .where('failed_attempts', '<', maxAttempts)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
