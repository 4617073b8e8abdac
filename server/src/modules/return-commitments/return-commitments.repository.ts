import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { ReturnCommitmentTable } from '../../db/schema-return-commitments'
import { subtreeEnd } from '../organizations/organization-scope'

export type CommitmentRow = Selectable<ReturnCommitmentTable> & { enterprise_name: string; enterprise_industry: string; enterprise_odr: number }

/** Where a region page stopped: the last store's organization path, name and id. */
export interface StorePosition {
  path: string
  name: string
  id: string
}

const withEnterprise = (db: Db) =>
  db.selectFrom('return_commitments').innerJoin('enterprises', 'enterprises.id', 'return_commitments.enterprise_id').selectAll('return_commitments').select(['enterprises.name as enterprise_name', 'enterprises.industry as enterprise_industry', 'enterprises.odr as enterprise_odr'])

export function findCommitment(db: Db, id: string): Promise<CommitmentRow | undefined> {
  return withEnterprise(db).where('return_commitments.id', '=', id).executeTakeFirst()
}

/** The store's latest commitment (return_commitments_store): may it sign again? */
export function latestOfStoreQuery(db: Db, storeKey: string) {
  return db.selectFrom('return_commitments').select(['id', 'status', 'resign_on']).where('store_key', '=', storeKey).orderBy('store_key', 'desc').orderBy('signed_at', 'desc').limit(1)
}

export function insertCommitment(db: Db, row: Insertable<ReturnCommitmentTable>) {
  return db.insertInto('return_commitments').values(row).execute()
}

/** Stores of an organization's subtree in one status, by region then name (return_commitments_region); active ones are the public list. */
export function regionStoresQuery(db: Db, path: string, after: StorePosition | null, limit: number, status: 'active' | 'revoked' = 'active') {
  let query = withEnterprise(db)
    .where('return_commitments.status', '=', status)
    .where('return_commitments.organization_path', '>=', path)
    .where('return_commitments.organization_path', '<', subtreeEnd(path))
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('return_commitments.organization_path', '>', after.path),
        eb.and([eb('return_commitments.organization_path', '=', after.path), eb('return_commitments.store_name', '>', after.name)]),
        eb.and([eb('return_commitments.organization_path', '=', after.path), eb('return_commitments.store_name', '=', after.name), eb('return_commitments.id', '>', after.id)]),
      ]),
    )
  }
  return query.orderBy('return_commitments.organization_path').orderBy('return_commitments.store_name').orderBy('return_commitments.id').limit(limit)
}

/** Every commitment of one enterprise, newest first, revoked ones too (return_commitments_enterprise). */
export function enterpriseCommitmentsQuery(db: Db, enterpriseId: string, limit: number) {
  return withEnterprise(db).where('return_commitments.enterprise_id', '=', enterpriseId).orderBy('return_commitments.enterprise_id').orderBy('return_commitments.signed_at', 'desc').limit(limit)
}

export function monthsOfQuery(db: Db, commitmentId: string) {
  return db.selectFrom('return_commitment_months').select(['month', 'returns_count', 'amount_fen']).where('commitment_id', '=', commitmentId).orderBy('commitment_id').orderBy('month', 'desc').limit(24)
}

/** The refusals filed through 一键投诉 against one store, newest first (return_commitment_complaints_store). */
export function refusalsOfQuery(db: Db, commitmentId: string, limit: number) {
  return db
    .selectFrom('return_commitment_complaints')
    .innerJoin('complaints', 'complaints.id', 'return_commitment_complaints.complaint_id')
    .select(['return_commitment_complaints.complaint_id', 'return_commitment_complaints.created_at', 'return_commitment_complaints.upheld_at', 'complaints.number', 'complaints.status'])
    .where('return_commitment_complaints.commitment_id', '=', commitmentId)
    .orderBy('return_commitment_complaints.commitment_id')
    .orderBy('return_commitment_complaints.created_at', 'desc')
    .limit(limit)
}

/** Refusals staff found real since `since` (return_commitment_complaints_upheld, index only). */
export function upheldSinceQuery(db: Db, commitmentId: string, since: string) {
  return db
    .selectFrom('return_commitment_complaints')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('commitment_id', '=', commitmentId)
    .where('upheld_at', '>=', since)
}
