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

export function stopNotifications() {
  void load().then((m) => m.stopNotifications())
}

export function wakeNotifications() {
  void load().then((m) => m.wakeNotifications())
}
