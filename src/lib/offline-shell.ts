/** H5 only (offline-shell.h5.ts): the service worker that keeps the app shell readable offline. */
export function keepShellOffline(): void {}
