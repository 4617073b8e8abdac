import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
//
// The mediation agreement (调解协议书, issue #17). One agreement per complaint; every edit is a new
// row of mediation_agreement_versions, never an update of the text. `version` and `signature_count`
// on the agreement are the compare-and-swap pair: an edit moves `version` on only if it is still the
// one it read, a signature counts itself only if `version` is still the one the signer saw, so an edit
// and a signature at the same instant never leave a signature over a text that is not current.

export const RULES: NumericRule[] = [
  ['mediation_agreements', 'version', 'integer', 1, 10_000],
  ['mediation_agreements', 'signature_count', 'integer', 0, 2],
  ['mediation_agreements', 'amount_fen', 'integer', 0, 1_000_000_000],
  ['mediation_agreement_versions', 'version', 'integer', 1, 10_000],
  ['mediation_agreement_versions', 'amount_fen', 'integer', 0, 1_000_000_000],
  ['mediation_agreement_signatures', 'version', 'integer', 1, 10_000],
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mediation_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'effective')`))
    .addColumn('signature_count', 'integer', (c) => c.notNull().defaultTo(0))
    // The current version's "by when" (China date): performance follow-up starts from it.
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text')
    .addColumn('pdf_key', 'text')
    .addColumn('pdf_sha256', 'text')
    .execute()
  // One agreement per case: two mediators drafting at once, one wins.
  await db.schema.createIndex('mediation_agreements_complaint').on('mediation_agreements').column('complaint_id').unique().execute()
  // Performance follow-up: effective agreements by due date.
  await db.schema.createIndex('mediation_agreements_due').on('mediation_agreements').columns(['status', 'due_date']).execute()
  await db.schema.createIndex('mediation_agreements_pdf').on('mediation_agreements').column('pdf_sha256').execute()

  await db.schema
    .createTable('mediation_agreement_versions')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('mediation_agreements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON: parties, facts, terms as the mediator wrote them; `text` is what the parties read and sign.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_agreement_versions_pk', ['agreement_id', 'version'])
    .execute()
  await db.schema.createIndex('mediation_agreement_versions_hash').on('mediation_agreement_versions').column('text_sha256').execute()

  await db.schema
    .createTable('mediation_agreement_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('mediation_agreements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party in ('consumer', 'business')`))
    .addColumn('signer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .execute()
  // One signature per party and version: signing twice fails here even when two requests race.
  await db.schema
    .createIndex('mediation_agreement_signatures_once')
    .on('mediation_agreement_signatures')
    .columns(['agreement_id', 'version', 'party'])
    .unique()
    .execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('mediation_agreement_signatures').execute()
  await db.schema.dropTable('mediation_agreement_versions').execute()
  await db.schema.dropTable('mediation_agreements').execute()
}
