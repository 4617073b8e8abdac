import { whenIdle } from '@/lib/when-idle'
import type * as Lifecycle from './lifecycle'

/**
 * H5: the live stream, store and badge are a separate chunk fetched once the first screen is up,
 * so a page opened from a shared link paints sooner on a slow network. Calls keep their order.
 */
let lifecycle: Promise<typeof Lifecycle> | null = null
const load = () =>
  (lifecycle ??= new Promise((resolve, reject) => whenIdle(() => import('./lifecycle').then(resolve, reject))))

export function startNotifications() {
  void load().then((m) => m.startNotifications())
}

// Never started (a visitor who is not signed in): nothing to stop or wake, and no chunk to fetch.
export function stopNotifications() {
  void lifecycle?.then((m) => m.stopNotifications())
}

export function wakeNotifications() {
  void lifecycle?.then((m) => m.wakeNotifications())
}
