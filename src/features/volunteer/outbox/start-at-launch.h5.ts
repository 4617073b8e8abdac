import { whenIdle } from '@/lib/when-idle'

/** H5: the sender starts with the app, as a separate chunk fetched once the first screen is up. */
export function startOutboxAtLaunch(owner: () => string | null): void {
  whenIdle(() => void import('./run-outbox-sync').then((m) => m.startOutboxSync(owner)))
}
