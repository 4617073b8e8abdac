/**
 * A random UUID (version 4), for draft ids and Idempotency-Key headers.
 * `crypto.randomUUID` exists only in secure contexts (not on http://192.168.x.x) and not on weapp;
 * `crypto.getRandomValues` is used where there is one, Math.random otherwise (uniqueness per user is
 * all the server needs from an idempotency key).
 */
export function uuid(): string {
  const bytes = new Uint8Array(16)
  // Through globalThis: a bare `crypto` would be an undeclared global in the weapp bundle.
  const webCrypto = typeof globalThis !== 'undefined' ? (globalThis as { crypto?: Crypto }).crypto : undefined
  if (webCrypto && typeof webCrypto.getRandomValues === 'function') webCrypto.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
