import type { FastifyReply } from 'fastify'
import type { Db } from '../../db/database'
import { inboxState, latestSeq, notificationsAfter, toItem } from './notifications.repository'

/** How often an open stream looks for new rows: they may be written by another process, so no in-memory signal suffices. */
export const STREAM_POLL_MS = 500
const PING_MS = 20_000
/** Every this many polls an open stream checks that its session still lives (logout, account deleted). */
const SESSION_CHECK_POLLS = 10

/**
 * Writes the user's new notifications to an already hijacked reply as server-sent events, starting
 * after `afterSeq` (Last-Event-ID) or, on a first connection, after the newest existing one.
 * Returns a function that ends the stream. `sessionLive` is asked now and then; once it says no, the stream ends.
 */
export async function openNotificationStream(
  db: Db,
  reply: FastifyReply,
  userId: string,
  afterSeq: number | undefined,
  sessionLive: () => Promise<boolean> = async () => true,
): Promise<() => void> {
  const res = reply.raw
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Tell nginx not to buffer the stream.
    'x-accel-buffering': 'no',
  })
  res.write('retry: 3000\n\n')
  let cursor = afterSeq ?? (await latestSeq(db, userId))
  let unread = -1
  let closed = false
  let busy = false
  let polls = 0

  const poll = async () => {
    if (busy || closed) return
    busy = true
    try {
      polls += 1
      if (polls % SESSION_CHECK_POLLS === 0 && !(await sessionLive())) {
        close()
        return
      }
      const state = await inboxState(db, userId)
      while (state.latestSeq > cursor) {
        const rows = await notificationsAfter(db, userId, cursor)
        if (rows.length === 0) break
        for (const row of rows) {
          res.write(`id: ${row.seq}\nevent: notification\ndata: ${JSON.stringify(toItem(row))}\n\n`)
          cursor = Number(row.seq)
        }
      }
      if (state.unreadCount !== unread) {
        unread = state.unreadCount
        res.write(`event: unread\ndata: ${JSON.stringify({ unreadCount: unread })}\n\n`)
      }
    } catch {
      // The database may be closing with the server; the next poll or the client's reconnect recovers.
    } finally {
      busy = false
    }
  }
  const pollTimer = setInterval(poll, STREAM_POLL_MS)
  const pingTimer = setInterval(() => res.write(': ping\n\n'), PING_MS)
  const close = () => {
    if (closed) return
    closed = true
    clearInterval(pollTimer)
    clearInterval(pingTimer)
    res.end()
  }
  res.on('close', close)
  await poll()
  return close
}
