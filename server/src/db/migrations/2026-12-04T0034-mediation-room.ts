import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// The mediation room (issue #17): messages in a shared thread, a side thread per party and the
// mediator's notes; read marks; presence by heartbeat; sessions with each party's answer, their
// reminders, and absences recorded by the mediator.

export const RULES: NumericRule[] = [
  ['mediation_rooms', 'last_seq', 'integer', 0, 1_000_000_000],
  ['mediation_messages', 'seq', 'integer', 1, 1_000_000_000],
  ['mediation_reads', 'last_read_seq', 'integer', 0, 1_000_000_000],
]

const ANSWER = "in ('pending', 'confirmed', 'other_time')"

export async function up(db: Kysely<any>): Promise<void> {
  // One row per room: its counter hands out message seqs one at a time (a conditional increment).
  await db.schema
    .createTable('mediation_rooms')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey().references('complaints.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('mediation_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('thread', 'text', (c) => c.notNull().check(sql`thread in ('shared', 'consumer', 'enterprise', 'notes')`))
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party in ('consumer', 'enterprise', 'mediator')`))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mediation_messages_seq_unique', ['complaint_id', 'seq'])
    .execute()
  // A thread's pages, newest first, and "what came after seq n".
  await db.schema.createIndex('mediation_messages_thread').on('mediation_messages').columns(['complaint_id', 'thread', 'seq']).execute()

  // A photo sent in the room: the evidence row stays off the complaint's own list (a side thread's
  // photo must not reach the other party through the complaint detail) and is found through here.
  await db.schema
    .createTable('mediation_message_photos')
    .addColumn('evidence_id', 'text', (c) => c.primaryKey().references('evidence.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('mediation_messages.id'))
    .execute()
  await db.schema.createIndex('mediation_message_photos_message').on('mediation_message_photos').column('message_id').execute()

  await db.schema
    .createTable('mediation_reads')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party in ('consumer', 'enterprise', 'mediator')`))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_reads_pk', ['complaint_id', 'thread', 'user_id'])
    .execute()

  await db.schema
    .createTable('mediation_presence')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party in ('consumer', 'enterprise', 'mediator')`))
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_presence_pk', ['complaint_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed', 'confirmed', 'cancelled')`))
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('consumer_answer', 'text', (c) => c.notNull().check(sql.raw(`consumer_answer ${ANSWER}`)))
    .addColumn('consumer_suggested_at', 'text')
    // Null: the business has no liaison in the app, so only the consumer answers.
    .addColumn('enterprise_answer', 'text', (c) => c.check(sql.raw(`enterprise_answer ${ANSWER}`)))
    .addColumn('enterprise_suggested_at', 'text')
    .addColumn('reminded_day_at', 'text')
    .addColumn('reminded_soon_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('mediation_sessions_complaint').on('mediation_sessions').columns(['complaint_id', 'starts_at']).execute()
  // The reminder job: confirmed sessions by start time.
  await db.schema.createIndex('mediation_sessions_due').on('mediation_sessions').columns(['status', 'starts_at']).execute()

  await db.schema
    .createTable('mediation_absences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('mediation_sessions.id'))
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party in ('consumer', 'enterprise')`))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mediation_absences_once', ['session_id', 'party'])
    .execute()
  await db.schema.createIndex('mediation_absences_complaint').on('mediation_absences').columns(['complaint_id', 'party']).execute()

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  for (const table of ['mediation_absences', 'mediation_sessions', 'mediation_presence', 'mediation_reads', 'mediation_message_photos', 'mediation_messages', 'mediation_rooms']) {
    await db.schema.dropTable(table).execute()
  }
}
