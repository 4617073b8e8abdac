let started = false

/**
 * Registers /sw.js and hands it the scripts and styles this page already loaded (they came before the
 * worker could see them), so a reload without a network still opens the app.
 */
export function keepShellOffline(): void {
  if (started || !('serviceWorker' in navigator) || !window.isSecureContext) return
  started = true
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => url.startsWith(window.location.origin) && /\.(js|css)$/.test(new URL(url).pathname))
      registration.active?.postMessage({ type: 'cache-assets', urls })
    })
    .catch(() => {
      started = false
    })
}
