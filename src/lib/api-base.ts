/** Absolute origin of the API server (no trailing slash). */
export function apiOrigin(): string {
  if (API_BASE_URL) return API_BASE_URL.replace(/\/$/, '')
  if (process.env.TARO_ENV === 'h5') return window.location.origin
  return 'http://127.0.0.1:3000'
}
