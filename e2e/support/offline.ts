import type { Page } from 'playwright-core'

/**
 * Waits until the app's service worker (src/sw.js) controls the page. It takes over only after its install
 * saved the shell and every consumer and volunteer page's code, so from here the network can go. The install
 * downloads about 2 MB: on a loaded machine with two browsers that can take a while.
 */
export async function waitForOfflineShell(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout })
}

/** Names of the Cache Storage caches the page's origin has. */
export async function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys())
}
