import type { RankingBoard, RankingInput } from '../../../../src/contract/credit-ranking'
import type { Db } from '../../db/database'

/**
 * Complaints filed in [from, to) per directory enterprise, with how many were answered and settled
 * (resolved, mediated, or closed after a successful mediation): complaints_created_response alone.
 */
export function monthComplaintCountsQuery(db: Db, from: string, to: string) {
  return db
    .selectFrom('complaints')
    .select((eb) => [
      'enterprise_id',
      eb.fn.countAll<number | string>().as('received'),
      eb.fn.count<number | string>('first_response_at').as('responded'),
      eb.fn
        .sum<number | string>(eb.case().when(eb.or([eb('status', 'in', ['resolved', 'mediated']), eb('mediation_result', '=', 'succeeded')])).then(1).else(0).end())
        .as('settled'),
    ])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('enterprise_id', 'is not', null)
    .groupBy('enterprise_id')
}

/** ODR answer deadlines that passed in [from, to) — the system's `escalate` events — per enterprise (complaint_events_type_created, then complaints by key). */
export function monthEscalationsQuery(db: Db, from: string, to: string) {
  return db
    .selectFrom('complaint_events')
    .innerJoin('complaints', 'complaints.id', 'complaint_events.complaint_id')
    .select((eb) => ['complaints.enterprise_id', eb.fn.countAll<number | string>().as('unanswered')])
    .where('complaint_events.type', '=', 'escalate')
    .where('complaint_events.created_at', '>=', from)
    .where('complaint_events.created_at', '<', to)
    .where('complaints.enterprise_id', 'is not', null)
    .groupBy('complaints.enterprise_id')
}

/** The directory entries of the given enterprises, by primary key. */
export function enterprisesByIdQuery(db: Db, ids: readonly string[]) {
  return db.selectFrom('enterprises').select(['id', 'name', 'industry', 'province', 'city']).where('id', 'in', ids)
}

export function rankedMonthQuery(db: Db, month: string) {
  return db.selectFrom('credit_ranking_months').selectAll().where('month', '=', month)
}

/** Claims a month: 1 inserted row when this caller is the one to rank it. */
export async function claimMonth(db: Db, month: string, methodVersion: number, at: string): Promise<boolean> {
  const result = await db
    .insertInto('credit_ranking_months')
    .values({ month, method_version: methodVersion, computed_at: at })
    .onConflict((oc) => oc.column('month').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** One board of one scope in place order: a range of credit_rankings_pk. */
export function boardQuery(db: Db, month: string, industry: string, region: string, board: RankingBoard) {
  return db
    .selectFrom('credit_rankings')
    .select(['place', 'enterprise_id', 'name', 'score_tenths'])
    .where('month', '=', month)
    .where('industry', '=', industry)
    .where('region', '=', region)
    .where('board', '=', board)
    .orderBy('place')
}

/** The regions with an all-industry board in the month (the red one is always computed alongside), from credit_rankings_pk. */
export function monthRegionsQuery(db: Db, month: string) {
  return db.selectFrom('credit_rankings').select('region').distinct().where('month', '=', month).where('industry', '=', '').where('region', '>', '').orderBy('region')
}

/** An enterprise's places in a month (credit_rankings_enterprise). */
export function placesOfEnterpriseQuery(db: Db, enterpriseId: string, month: string) {
  return db.selectFrom('credit_rankings').select(['board', 'place', 'industry', 'region']).where('enterprise_id', '=', enterpriseId).where('month', '=', month)
}

/** The month's inputs in enterprise order: a range of credit_ranking_inputs_pk. */
export function monthInputsQuery(db: Db, month: string) {
  return db.selectFrom('credit_ranking_inputs').selectAll().where('month', '=', month).orderBy('enterprise_id')
}

/** An enterprise's monthly counts from business_rollups_enterprise. */
export function enterpriseMonthsQuery(db: Db, enterpriseId: string, from: string, to: string) {
  return db
    .selectFrom('business_rollups')
    .select(['period', 'n'])
    .where('enterprise_id', '=', enterpriseId)
    .where('grain', '=', 'month')
    .where('period', '>=', from)
    .where('period', '<=', to)
    .orderBy('period')
}

/** An enterprise's mediations with a result, per result (complaints_enterprise_mediation). */
export function enterpriseMediationQuery(db: Db, enterpriseId: string) {
  return db
    .selectFrom('complaints')
    .select((eb) => ['mediation_result', eb.fn.countAll<number | string>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .where('mediation_result', 'is not', null)
    .groupBy('mediation_result')
}

export async function insertMonthRows(db: Db, month: string, inputs: readonly RankingInput[], ranked: ReadonlyArray<{ industry: string; region: string; board: RankingBoard; place: number; enterpriseId: string; name: string; scoreTenths: number }>) {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < inputs.length; i += 50) {
    await db
      .insertInto('credit_ranking_inputs')
      .values(inputs.slice(i, i + 50).map((input) => ({ month, enterprise_id: input.enterpriseId, name: input.name, industry: input.industry, region: input.region, received: input.received, responded: input.responded, settled: input.settled, unanswered: input.unanswered })))
      .execute()
  }
  for (let i = 0; i < ranked.length; i += 50) {
    await db
      .insertInto('credit_rankings')
      .values(ranked.slice(i, i + 50).map((row) => ({ month, industry: row.industry, region: row.region, board: row.board, place: row.place, enterprise_id: row.enterpriseId, name: row.name, score_tenths: row.scoreTenths })))
      .execute()
  }
}
