import type { FastifyReply } from 'fastify'
import type { Db } from '../../db/database'
import { inboxState, latestSeq, notificationsAfter, toItem } from './notifications.repository'
import type { StreamHub } from './stream-hub'

const PING_MS = 20_000

/**
 * Writes the user's new notifications to an already hijacked reply as server-sent events, starting
 * after `afterSeq` (Last-Event-ID) or, on a first connection, after the newest existing one. It reads
 * only when the hub wakes it (a change to this user's inbox), and ends when the session does.
 * Returns a function that ends the stream.
 */
export async function openNotificationStream(
  db: Db,
  hub: StreamHub,
  reply: FastifyReply,
  session: { userId: string; sessionId: string },
  afterSeq: number | undefined,
): Promise<() => void> {
  const { userId } = session
  const res = reply.raw
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Tell nginx not to buffer the stream.
    'x-accel-buffering': 'no',
  })
  res.write('retry: 3000\n\n')
  let cursor = -1
  let unread = -1
  let closed = false
  // Busy until the cursor is known: a wake before then is covered by the first read.
  let busy = true
  let again = false

  const read = async () => {
    if (closed) return
    if (busy) {
      again = true
      return
    }
    busy = true
    try {
      do {
        again = false
        const state = await inboxState(db, userId)
        while (!closed && state.latestSeq > cursor) {
          const rows = await notificationsAfter(db, userId, cursor)
          if (rows.length === 0) break
          for (const row of rows) {
            res.write(`id: ${row.seq}\nevent: notification\ndata: ${JSON.stringify(toItem(row))}\n\n`)
            cursor = Number(row.seq)
          }
        }
        if (!closed && state.unreadCount !== unread) {
          unread = state.unreadCount
          res.write(`event: unread\ndata: ${JSON.stringify({ unreadCount: unread })}\n\n`)
        }
      } while (again && !closed)
    } catch {
      // The database may be closing with the server; the next signal or the client's reconnect recovers.
    } finally {
      busy = false
    }
  }
  const pingTimer = setInterval(() => res.write(': ping\n\n'), PING_MS)
  let unwatch = () => {}
  const close = () => {
    if (closed) return
    closed = true
    unwatch()
    clearInterval(pingTimer)
    res.end()
  }
  res.on('close', close)
  // Listen first, then read: a change committed in between is then either read now or signalled.
  // A room change carries no data: the room page reads what it needs (its own visibility rules apply).
  const room = (complaintId: string) => {
    if (!closed) res.write(`event: room\ndata: ${JSON.stringify({ complaintId })}\n\n`)
  }
  unwatch = await hub.watch({ ...session, wake: () => void read(), end: close, room })
  if (closed) unwatch()
  try {
    cursor = afterSeq ?? (await latestSeq(db, userId))
  } finally {
    busy = false
  }
  await read()
  return close
}
