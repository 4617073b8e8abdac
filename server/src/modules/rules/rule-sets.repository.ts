import type { Insertable, Selectable } from 'kysely'
import type { RuleSetFamily } from '../../../../src/contract/rule-set'
import type { Db } from '../../db/database'
import type { RuleSetTable } from '../../db/schema-rules'

export type RuleSetRow = Selectable<RuleSetTable>

export function findRuleSetById(db: Db, id: string) {
  return db.selectFrom('rule_sets').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The newest version of each rule set: the whole (small) table is the answer, each row checked against the code/version index. */
export function listLatestRuleSets(db: Db) {
  return db
    .selectFrom('rule_sets as r')
    .selectAll('r')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('rule_sets as newer').select('newer.id').whereRef('newer.code', '=', 'r.code').whereRef('newer.version', '>', 'r.version'))),
    )
    .orderBy('r.family')
    .orderBy('r.in_force_from', 'desc')
    .orderBy('r.code')
    .execute()
}

/**
 * The newest version of the family's rule set in force on `date` (China date): from ≤ date ≤ to,
 * an unknown start counting as always.
 */
export function findRuleSetInForce(db: Db, family: RuleSetFamily, date: string) {
  return ruleSetInForceQuery(db, family, date).executeTakeFirst()
}

export function ruleSetInForceQuery(db: Db, family: RuleSetFamily, date: string) {
  return db
    .selectFrom('rule_sets')
    .selectAll()
    .where('family', '=', family)
    .where((eb) => eb.or([eb('in_force_from', 'is', null), eb('in_force_from', '<=', date)]))
    .where((eb) => eb.or([eb('in_force_to', 'is', null), eb('in_force_to', '>=', date)]))
    .orderBy('in_force_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
}

export function latestVersionOf(db: Db, code: string) {
  return latestVersionQuery(db, code).executeTakeFirst()
}

/** Served by the unique (code, version) index, newest first. */
export function latestVersionQuery(db: Db, code: string) {
  return db.selectFrom('rule_sets').selectAll().where('code', '=', code).orderBy('version', 'desc').limit(1)
}

/** Insert only: a version is never updated, so a case keeps the rules it was handled under. */
export function insertRuleSet(db: Db, row: Insertable<RuleSetTable>) {
  return db.insertInto('rule_sets').values(row).returningAll().executeTakeFirstOrThrow()
}
