import type { Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// A code now confirms one thing only: a code sent so a station operator may file for someone
// (or to sign an agreement) must never log anybody in, and a login code must not confirm those.
// `subject` names what exactly is confirmed (a filing, an agreement version), null for login.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sms_codes').addColumn('purpose', 'text', (c) => c.notNull().defaultTo('login')).execute()
  await db.schema.alterTable('sms_codes').addColumn('subject', 'text').execute()
  // The newest code of a phone for one purpose; the limits still count every purpose (sms_codes_phone_created).
  await db.schema.createIndex('sms_codes_phone_purpose_created').on('sms_codes').columns(['phone', 'purpose', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sms_codes_phone_purpose_created').execute()
  await db.schema.alterTable('sms_codes').dropColumn('subject').execute()
  await db.schema.alterTable('sms_codes').dropColumn('purpose').execute()
}
