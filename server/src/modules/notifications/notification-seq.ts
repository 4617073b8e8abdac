import type { Db } from '../../db/database'

/**
 * The next seq of each recipient (ids must be distinct). Call it inside the transaction that writes
 * the notifications: the counter rows stay locked until it commits (see NotificationCounterTable).
 */
export async function takeNextSeqs(trx: Db, recipientIds: readonly string[]): Promise<Map<string, number>> {
  if (recipientIds.length === 0) return new Map()
  const rows = await trx
    .insertInto('notification_counters')
    // In id order, so transactions taking several counters lock them in the same order.
    .values([...recipientIds].sort().map((recipientId) => ({ recipient_id: recipientId, last_seq: 1 })))
    .onConflict((oc) => oc.column('recipient_id').doUpdateSet((eb) => ({ last_seq: eb('notification_counters.last_seq', '+', 1) })))
    .returning(['recipient_id', 'last_seq'])
    .execute()
  return new Map(rows.map((row) => [row.recipient_id, Number(row.last_seq)]))
}
