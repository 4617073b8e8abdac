/* global self, caches */
/**
 * Service worker of the H5 app (copied to dist/h5/sw.js, served with no-cache). It keeps the app
 * shell readable offline: pages get the network first and the saved index.html when it fails;
 * hashed scripts and styles come from the cache first (they never change under one name).
 * API answers are not cached here: saved warnings live in IndexedDB (offline/cache-store.h5.ts),
 * so only what the app chose to keep is shown, with its "saved at" notice.
 */
const CACHE = 'weiquan-shell-v1'
const SHELL = '/index.html'
const MAX_ASSETS = 80
const ASSET = /^\/(js|css|static)\//

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(SHELL))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  )
})

/** Scripts and styles the page loaded before this worker controlled it (sent by src/lib/offline-shell.h5.ts). */
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'cache-assets' ? event.data.urls : null
  if (!Array.isArray(urls)) return
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        urls
          .filter((url) => ASSET.test(new URL(url, self.location.origin).pathname))
          .map((url) => cache.match(url).then((hit) => hit || cache.add(url).catch(() => undefined))),
      ).then(() => trim(cache)),
    ),
  )
})

async function trim(cache) {
  const keys = await cache.keys()
  const assets = keys.filter((request) => ASSET.test(new URL(request.url).pathname))
  await Promise.all(assets.slice(0, Math.max(0, assets.length - MAX_ASSETS)).map((request) => cache.delete(request)))
}

async function page(request) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(SHELL, response.clone())
    return response
  } catch (error) {
    const saved = await cache.match(SHELL)
    if (saved) return saved
    throw error
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE)
  const saved = await cache.match(request)
  if (saved) return saved
  const response = await fetch(request)
  if (response.ok) {
    await cache.put(request, response.clone())
    await trim(cache)
  }
  return response
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return
  if (request.mode === 'navigate') event.respondWith(page(request))
  else if (ASSET.test(url.pathname)) event.respondWith(asset(request))
})

