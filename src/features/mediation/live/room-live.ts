/**
 * Keeping an open room current. The mini-program has no EventSource: the heartbeat (which also
 * says "I am here") runs every 5 s and answers the newest seq of each thread, so a message shows
 * within seconds. H5 uses room-live.h5.ts (the notification stream's room events).
 */
import { useRoomStore } from '../stores/use-room-store'

const HEARTBEAT_MS = 5000

export function startRoomLive(): () => void {
  const timer = setInterval(() => void useRoomStore.getState().refresh({ heartbeat: true }), HEARTBEAT_MS)
  return () => clearInterval(timer)
}
