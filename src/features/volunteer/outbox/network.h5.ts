export function onNetworkBack(back: () => void): () => void {
  window.addEventListener('online', back)
  return () => window.removeEventListener('online', back)
}

export function surelyOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}
