/**
 * Keeping the inbox current while the app is open. This file is the mini-program's way (there is
 * no EventSource there): refresh when the app or a tab comes to the front. H5 uses
 * live-updates.h5.ts (server-sent events with a polling fallback).
 */
import { useNotificationStore } from '../stores/use-notification-store'

export interface LiveUpdates {
  /** The app or the 消息 tab came to the front: catch up now. */
  wake(): void
  stop(): void
}

export function startLiveUpdates(): LiveUpdates {
  const catchUp = () => void useNotificationStore.getState().refresh().catch(() => undefined)
  catchUp()
  return { wake: catchUp, stop: () => undefined }
}
