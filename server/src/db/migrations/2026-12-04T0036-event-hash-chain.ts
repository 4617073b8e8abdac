import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
//
// The case log as a hash chain (issue #17, court-ready evidence package): every complaint event gets
// its position in the case (`seq`, 1, 2, 3 …) and `chain_hash`, the SHA-256 of the previous event's
// hash and the event's canonical JSON. Stored when the event is written, so an edit made in the
// database afterwards shows in every package exported later. Existing events are chained here in
// timeline order (created_at, id), with a copy of format 1 of event-chain.ts (frozen like this file).

export const RULES: NumericRule[] = [['complaint_events', 'seq', 'integer', 1, 1_000_000]]

const START = '0'.repeat(64)
const COMPLAINTS_PER_BATCH = 200
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

interface EventRow {
  id: string
  complaint_id: string
  type: string
  actor_id: string | null
  actor_role: string
  note: string | null
  from_status: string | null
  to_status: string | null
  created_at: string
  data: string | null
}

function canonical(event: EventRow, seq: number): string {
  return JSON.stringify({
    v: 1,
    seq,
    id: event.id,
    complaintId: event.complaint_id,
    type: event.type,
    actorId: event.actor_id,
    actorRole: event.actor_role,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    createdAt: event.created_at,
    data: event.data,
    noteSha256: event.note === null ? null : sha256(event.note),
  })
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaint_events').addColumn('seq', 'integer').execute()
  await db.schema.alterTable('complaint_events').addColumn('chain_hash', 'text').execute()
  let after = ''
  for (;;) {
    const complaints: { id: string }[] = await db.selectFrom('complaints').select('id').where('id', '>', after).orderBy('id').limit(COMPLAINTS_PER_BATCH).execute()
    for (const { id } of complaints) {
      const events: EventRow[] = await db
        .selectFrom('complaint_events')
        .select(['id', 'complaint_id', 'type', 'actor_id', 'actor_role', 'note', 'from_status', 'to_status', 'created_at', 'data'])
        .where('complaint_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      let previous = START
      for (const [index, event] of events.entries()) {
        previous = sha256(`${previous}\n${canonical(event, index + 1)}`)
        await db.updateTable('complaint_events').set({ seq: index + 1, chain_hash: previous }).where('id', '=', event.id).execute()
      }
    }
    if (complaints.length < COMPLAINTS_PER_BATCH) break
    after = complaints.at(-1)!.id
  }
  // One position per event in a case: a second writer that somehow took the same predecessor fails here.
  await db.schema.createIndex('complaint_events_chain').unique().on('complaint_events').columns(['complaint_id', 'seq']).execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropIndex('complaint_events_chain').execute()
  await db.schema.alterTable('complaint_events').dropColumn('chain_hash').execute()
  await db.schema.alterTable('complaint_events').dropColumn('seq').execute()
}
