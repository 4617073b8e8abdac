/* global self, caches */
/**
 * Service worker of the H5 app (written to dist/h5/sw.js by config/precache-shell.ts, served with no-cache).
 * At install it saves the page shell and every script and style the consumer and volunteer pages need, so a
 * page never opened before still opens without a network. Pages get the network first and the saved shell
 * when it fails; scripts and styles come from the cache first (they never change under one name). Staff
 * pages are not saved at install; what they load is kept once fetched.
 * API answers are not cached here: saved warnings live in IndexedDB (offline/cache-store.h5.ts),
 * so only what the app chose to keep is shown, with its "saved at" notice.
 */
// Filled in at build time: a hash of the file list, and the list.
const VERSION = 'dev'
const PRECACHE = []
const CACHE = `weiquan-shell-${VERSION}`
const OURS = /^weiquan-shell-/
const SHELL = '/index.html'
const MAX_EXTRA_ASSETS = 40
const ASSET = /^\/(js|css|static)\//
const SAVED_AT_INSTALL = new Set(PRECACHE)

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // All or nothing: a failed download leaves the previous worker in charge and installs again next visit.
      .then((cache) => cache.addAll([new Request(SHELL, { cache: 'no-cache' }), ...PRECACHE]))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => OURS.test(name) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  )
})

/** Assets fetched later (staff pages) are kept too, but only the newest few. */
async function trim(cache) {
  const keys = await cache.keys()
  const extra = keys.filter((request) => {
    const { pathname } = new URL(request.url)
    return ASSET.test(pathname) && !SAVED_AT_INSTALL.has(pathname)
  })
  await Promise.all(extra.slice(0, Math.max(0, extra.length - MAX_EXTRA_ASSETS)).map((request) => cache.delete(request)))
}

// The saved shell is never replaced by a newer page from the network: it must name the scripts saved with it.
async function page(request) {
  try {
    return await fetch(request)
  } catch (error) {
    const saved = await caches.match(SHELL, { cacheName: CACHE })
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
