import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { MediationAgreementSignatureTable, MediationAgreementTable, MediationAgreementVersionTable } from '../../db/schema-agreements'

export type AgreementRow = Selectable<MediationAgreementTable>
export type VersionRow = Selectable<MediationAgreementVersionTable>
export type SignatureRow = Selectable<MediationAgreementSignatureTable>

export const agreementByComplaintQuery = (db: Db, complaintId: string) => db.selectFrom('mediation_agreements').selectAll().where('complaint_id', '=', complaintId)

export function findAgreementByComplaint(db: Db, complaintId: string) {
  return agreementByComplaintQuery(db, complaintId).executeTakeFirst()
}

export function findVersion(db: Db, agreementId: string, version: number) {
  return db.selectFrom('mediation_agreement_versions').selectAll().where('agreement_id', '=', agreementId).where('version', '=', version).executeTakeFirstOrThrow()
}

/** Every signature ever made on the agreement, newest first (a handful: two per signed version). */
export const signaturesQuery = (db: Db, agreementId: string) =>
  db.selectFrom('mediation_agreement_signatures').selectAll().where('agreement_id', '=', agreementId).orderBy('signed_at', 'desc').orderBy('id')

export function findSignatures(db: Db, agreementId: string) {
  return signaturesQuery(db, agreementId).execute()
}

export async function insertAgreement(trx: Db, agreement: Insertable<MediationAgreementTable>, version: Insertable<MediationAgreementVersionTable>) {
  await trx.insertInto('mediation_agreements').values(agreement).execute()
  await trx.insertInto('mediation_agreement_versions').values(version).execute()
}

/**
 * Makes `version` current if the agreement is still open at `fromVersion`. The row lock it takes
 * orders it against a concurrent signature's countSignature: whichever comes second sees the other.
 */
export async function advanceVersion(trx: Db, version: Insertable<MediationAgreementVersionTable> & { version: number }, fromVersion: number): Promise<boolean> {
  const result = await trx
    .updateTable('mediation_agreements')
    .set({ version: version.version, text_sha256: version.text_sha256, due_date: version.due_date, amount_fen: version.amount_fen, signature_count: 0, updated_at: version.created_at })
    .where('id', '=', version.agreement_id)
    .where('version', '=', fromVersion)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  await trx.insertInto('mediation_agreement_versions').values(version).execute()
  return true
}

/** Voids the signatures on a version that is no longer current; how many there were. */
export async function voidSignatures(trx: Db, agreementId: string, version: number, nowIso: string): Promise<number> {
  const result = await trx
    .updateTable('mediation_agreement_signatures')
    .set({ voided_at: nowIso })
    .where('agreement_id', '=', agreementId)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Counts a signature on `version` only while it is still the open, current version; the count after it, or null. */
export async function countSignature(trx: Db, agreementId: string, version: number, nowIso: string): Promise<number | null> {
  const result = await trx
    .updateTable('mediation_agreements')
    .set((eb) => ({ signature_count: eb('signature_count', '+', 1), updated_at: nowIso }))
    .where('id', '=', agreementId)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .where('signature_count', '<', 2)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return null
  const row = await trx.selectFrom('mediation_agreements').select('signature_count').where('id', '=', agreementId).executeTakeFirstOrThrow()
  return Number(row.signature_count)
}

export function insertSignature(trx: Db, row: Insertable<MediationAgreementSignatureTable>) {
  return trx.insertInto('mediation_agreement_signatures').values(row).execute()
}

export function markEffective(trx: Db, agreementId: string, nowIso: string) {
  return trx.updateTable('mediation_agreements').set({ status: 'effective', effective_at: nowIso }).where('id', '=', agreementId).where('signature_count', '=', 2).execute()
}

/** Records the PDF once: a second producer racing the first keeps the first one's file. */
export async function recordPdf(db: Db, agreementId: string, key: string, sha256: string): Promise<boolean> {
  const result = await db.updateTable('mediation_agreements').set({ pdf_key: key, pdf_sha256: sha256 }).where('id', '=', agreementId).where('pdf_key', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export const agreementByPdfHashQuery = (db: Db, sha256: string) => db.selectFrom('mediation_agreements').select(['id', 'status']).where('pdf_sha256', '=', sha256)

export function findAgreementByPdfHash(db: Db, sha256: string) {
  return agreementByPdfHashQuery(db, sha256).executeTakeFirst()
}

/** The versions whose text has this hash (one, unless two versions were worded identically). */
export const versionsByHashQuery = (db: Db, sha256: string) =>
  db
    .selectFrom('mediation_agreement_versions as v')
    .innerJoin('mediation_agreements as a', 'a.id', 'v.agreement_id')
    .select(['a.id as agreementId', 'a.status', 'a.version as currentVersion', 'v.version', 'v.body'])
    .where('v.text_sha256', '=', sha256)

export function findVersionsByHash(db: Db, sha256: string) {
  return versionsByHashQuery(db, sha256).execute()
}

export async function hasSignatures(db: Db, agreementId: string, version: number): Promise<boolean> {
  const row = await db.selectFrom('mediation_agreement_signatures').select('id').where('agreement_id', '=', agreementId).where('version', '=', version).limit(1).executeTakeFirst()
  return row !== undefined
}
