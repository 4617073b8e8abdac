/**
 * Network signals for the outbox; Taro builds `network.weapp.ts` (onNetworkStatusChange) or
 * `network.h5.ts` (the `online` event). This neutral file types them.
 */
/** Calls `back` whenever the device regains a connection; returns a function that stops listening. */
export function onNetworkBack(_back: () => void): () => void {
  return () => undefined
}

/** True when the device says it has no connection at all (a request would fail anyway). */
export function surelyOffline(): boolean {
  return false
}
