/** Absolute origin of the API server (no trailing slash). */
export function apiOrigin(): string {
  if (API_BASE_URL) return API_BASE_URL.replace(/\/$/, '')
  if (process.env.TARO_ENV === 'h5') return window.location.origin
  return 'http://127.0.0.1:3000'
}

/**
 * Photo URLs from the API may be relative (`/api/files?…`, disk storage) or absolute (S3).
 * The mini-program's <Image> and previewImage need absolute ones.
 */
export function absoluteUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${apiOrigin()}${url.startsWith('/') ? '' : '/'}${url}`
}
