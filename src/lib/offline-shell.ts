/** H5 only (offline-shell.h5.ts): the service worker that keeps the app usable offline, started at launch. */
export function keepShellOffline(): void {}
