/**
 * H5: the notification stream (one per signed-in page) also carries `event: room` when a room the
 * user is in changed; the room then reads what is new. A heartbeat every 20 s says "I am here"
 * (presence) and, should the stream be down, catches up anyway.
 */
import { apiOrigin } from '@/lib/api-base'
import { postJson } from '@/lib/http'
import { useRoomStore } from '../stores/use-room-store'

const HEARTBEAT_MS = 20_000
const RECONNECT_MS = 3000

export function startRoomLive(): () => void {
  let source: EventSource | null = null
  let stopped = false
  let retry: ReturnType<typeof setTimeout> | undefined
  const store = useRoomStore.getState

  async function connect() {
    if (stopped || typeof EventSource === 'undefined') return
    try {
      const { ticket } = await postJson<{ ticket: string }>('/notifications/stream-ticket')
      if (stopped) return
      source = new EventSource(`${apiOrigin()}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`)
      source.addEventListener('room', (event) => {
        try {
          const data = JSON.parse((event as MessageEvent<string>).data) as { complaintId?: string }
          if (data.complaintId === store().complaintId) void store().refresh()
        } catch {
          // Not ours: ignore.
        }
      })
      source.onerror = () => {
        source?.close()
        source = null
        if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS)
      }
    } catch {
      if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS * 3)
    }
  }

  void connect()
  const heartbeat = setInterval(() => void store().refresh({ heartbeat: true }), HEARTBEAT_MS)
  return () => {
    stopped = true
    clearInterval(heartbeat)
    clearTimeout(retry)
    source?.close()
  }
}
