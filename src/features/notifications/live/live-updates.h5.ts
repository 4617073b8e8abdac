/**
 * H5: new notifications arrive through a server-sent events stream, so an open page updates
 * without a reload. EventSource cannot send an Authorization header, so each connection gets a
 * fresh short-lived ticket; it resumes after the last seq seen. Its own automatic reconnect would
 * reuse an expired ticket, so on error the stream is closed and reopened here with backoff.
 * While the stream is down (or EventSource is missing) the inbox is polled every 10 s.
 * Nothing runs while the page is hidden or the phone is offline.
 */
import { apiOrigin } from '@/lib/api-base'
import { createStreamTicket } from '../api/stream-ticket'
import type { NotificationItem } from '../api/notification-shapes'
import { reconnectDelay } from '../inbox-model'
import { useNotificationStore } from '../stores/use-notification-store'
import type { LiveUpdates } from './live-updates'

export type { LiveUpdates } from './live-updates'

const POLL_MS = 10_000
/** Failed connections in a row before polling starts. */
const POLL_AFTER_FAILURES = 2

export function startLiveUpdates(): LiveUpdates {
  const store = useNotificationStore.getState
  let source: EventSource | null = null
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined
  let pollTimer: ReturnType<typeof setInterval> | undefined
  let failures = 0
  let stopped = false
  // Bumped on every (re)connect and on stop: callbacks of an older connection do nothing.
  let attempt = 0

  const catchUp = () => void store().refresh().catch(() => undefined)

  function startPolling() {
    if (pollTimer) return
    catchUp()
    pollTimer = setInterval(catchUp, POLL_MS)
  }

  function stopPolling() {
    clearInterval(pollTimer)
    pollTimer = undefined
  }

  function disconnect() {
    attempt++
    clearTimeout(reconnectTimer)
    reconnectTimer = undefined
    source?.close()
    source = null
  }

  function failed(mine: number) {
    if (mine !== attempt || stopped) return
    disconnect()
    failures++
    if (failures >= POLL_AFTER_FAILURES) startPolling()
    reconnectTimer = setTimeout(() => void connect(), reconnectDelay(failures))
  }

  async function connect() {
    disconnect()
    const mine = attempt
    if (stopped || document.visibilityState === 'hidden') return
    if (typeof EventSource === 'undefined') return startPolling()
    let ticket: string
    try {
      ticket = (await createStreamTicket()).ticket
    } catch {
      return failed(mine)
    }
    if (mine !== attempt || stopped) return
    const url = `${apiOrigin()}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}&after=${store().lastSeq}`
    const stream = new EventSource(url)
    source = stream
    stream.onopen = () => {
      if (mine !== attempt) return
      failures = 0
      stopPolling()
      // Read flags may have changed elsewhere while disconnected; new items come through the stream.
      catchUp()
    }
    stream.addEventListener('notification', (event) => {
      if (mine !== attempt) return
      const item = parse<NotificationItem>(event)
      if (item && typeof item.seq === 'number') store().received(item)
    })
    stream.addEventListener('unread', (event) => {
      if (mine !== attempt) return
      const data = parse<{ unreadCount: number }>(event)
      if (data && typeof data.unreadCount === 'number') store().setUnreadCount(data.unreadCount)
    })
    stream.onerror = () => failed(mine)
  }

  function onVisibility() {
    if (document.visibilityState === 'hidden') {
      disconnect()
      stopPolling()
    } else {
      failures = 0
      catchUp()
      void connect()
    }
  }

  // A phone losing its network often keeps a dead connection open for minutes: drop it at once and
  // reopen on the way back, resuming after the last seq, so what came meanwhile is delivered.
  function onOffline() {
    disconnect()
    stopPolling()
  }

  function onOnline() {
    failures = 0
    void connect()
  }

  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)
  void connect()

  return {
    wake() {
      catchUp()
      if (!source && !reconnectTimer) void connect()
    },
    stop() {
      stopped = true
      disconnect()
      stopPolling()
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
    },
  }
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T
  } catch {
    return null
  }
}
