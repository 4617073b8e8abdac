import { startOutboxSync } from './run-outbox-sync'

/** H5: the sender is small next to the page bundle; it starts with the app and follows `online`. */
export function startOutboxAtLaunch(owner: () => string | null): void {
  startOutboxSync(owner)
}
