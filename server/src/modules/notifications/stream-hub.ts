import pg from 'pg'
import { pgConnectionConfig, type Db } from '../../db/database'
import { CHANNEL_SQL, onLocalSignal, parsePayload, type InboxSignal } from './inbox-signal'

export interface StreamWatcher {
  userId: string
  sessionId: string
  /** Something in the user's inbox may have changed (or a missed signal is possible): read again. */
  wake(): void
  /** The session ended: close the stream. */
  end(): void
  /** Something changed in a mediation room this user may have open. */
  room?(complaintId: string): void
}

export interface StreamHub {
  /** Registers a stream; resolves once signals are being received (or the first attempt failed). */
  watch(watcher: StreamWatcher): Promise<() => void>
  close(): Promise<void>
}

const RECONNECT_MIN_MS = 500
const RECONNECT_MAX_MS = 30_000

/**
 * One listener per process for every open stream. On PostgreSQL it holds one dedicated connection
 * (opened with the first stream) that LISTENs on the schema's channel and reconnects with backoff.
 * No periodic safety poll: the only way to miss a signal is to lose that connection, and every
 * reconnect wakes all streams, which then read what they missed.
 */
export function createStreamHub(db: Db, onError: (error: unknown) => void = () => undefined): StreamHub {
  const watchers = new Set<StreamWatcher>()
  const dispatch = (signal: InboxSignal) => {
    const ids = signal.kind === 'resync' ? null : new Set(signal.ids)
    for (const watcher of watchers) {
      if (signal.kind === 'resync') watcher.wake()
      else if (signal.kind === 'inbox' && ids!.has(watcher.userId)) watcher.wake()
      else if (signal.kind === 'session-ended' && ids!.has(watcher.sessionId)) watcher.end()
      else if (signal.kind === 'room' && ids!.has(watcher.userId)) watcher.room?.(signal.complaintId)
    }
  }

  const connection = pgConnectionConfig(db)
  if (!connection) {
    const unsubscribe = onLocalSignal(dispatch)
    return {
      async watch(watcher) {
        watchers.add(watcher)
        return () => watchers.delete(watcher)
      },
      async close() {
        unsubscribe()
        watchers.clear()
      },
    }
  }

  let client: pg.Client | null = null
  let ready: Promise<void> | null = null
  let closed = false
  let retryMs = RECONNECT_MIN_MS
  let retryTimer: NodeJS.Timeout | undefined

  const connect = async (isReconnect: boolean) => {
    const next = new pg.Client({ ...connection, keepAlive: true })
    client = next
    const lost = (error?: unknown) => {
      if (client !== next) return
      client = null
      if (error) onError(error)
      next.removeAllListeners('notification')
      void next.end().catch(() => undefined)
      if (!closed) {
        retryTimer = setTimeout(() => void connect(true), retryMs)
        retryTimer.unref()
        retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS)
      }
    }
    next.on('error', lost)
    next.on('end', () => lost())
    next.on('notification', (message) => {
      const signal = parsePayload(message.payload)
      if (signal) dispatch(signal)
    })
    try {
      await next.connect()
      const channel = (await next.query<{ channel: string }>(`select ${CHANNEL_SQL} as channel`)).rows[0]!.channel
      await next.query(`listen "${channel.replace(/"/g, '""')}"`)
      retryMs = RECONNECT_MIN_MS
      if (closed) await next.end()
      // Anything may have changed while nobody listened.
      else if (isReconnect) dispatch({ kind: 'resync' })
    } catch (error) {
      lost(error)
    }
  }

  return {
    async watch(watcher) {
      watchers.add(watcher)
      ready ??= connect(false)
      await ready
      return () => watchers.delete(watcher)
    },
    async close() {
      closed = true
      clearTimeout(retryTimer)
      watchers.clear()
      const current = client
      client = null
      await current?.end().catch(() => undefined)
    },
  }
}
