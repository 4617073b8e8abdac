/**
 * Retrying with exponential backoff, for uploads on weak networks. Pure: no Taro, so it runs under
 * node:test. `tries` counts every attempt, the first one included.
 */
export const UPLOAD_TRIES = 3
export const BACKOFF_BASE_MS = 1000
export const BACKOFF_MAX_MS = 8000
/** A server asking for longer than this is not waited for: the user would think the app hung. */
export const RETRY_AFTER_MAX_MS = 60_000

/** Milliseconds to wait after failed attempt `attempt` (1-based): 1 s, 2 s, 4 s … capped. */
export function backoffDelay(attempt: number, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
}

/** The waits between `tries` attempts: 3 tries → [1000, 2000]. */
export function backoffSchedule(tries = UPLOAD_TRIES, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number[] {
  return Array.from({ length: Math.max(0, tries - 1) }, (_, i) => backoffDelay(i + 1, baseMs, maxMs))
}

/**
 * Worth trying again: no answer at all (status 0), a server error, or "too many requests".
 * A 4xx means the server looked at the photo and said no: trying again changes nothing.
 */
export function isRetriable(error: unknown): boolean {
  const status = typeof error === 'object' && error !== null && 'status' in error ? (error as { status: unknown }).status : undefined
  if (typeof status !== 'number') return true
  return status === 0 || status === 429 || status >= 500
}

/**
 * A `Retry-After` header (whole seconds, or an HTTP date) in milliseconds from now; undefined when
 * absent or unreadable. A busy server answers 503 with it (photo uploads under load).
 */
export function parseRetryAfter(value: unknown, nowMs = Date.now()): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  if (!/ GMT$/.test(text)) return undefined // an HTTP date is always in GMT; Date.parse would read '-3' as a year
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

/** The wait the server asked for (ApiRequestError.retryAfterMs), capped; 0 when it asked for none. */
function requestedWait(error: unknown): number {
  const wait = typeof error === 'object' && error !== null && 'retryAfterMs' in error ? (error as { retryAfterMs: unknown }).retryAfterMs : undefined
  return typeof wait === 'number' && wait > 0 ? Math.min(wait, RETRY_AFTER_MAX_MS) : 0
}

export interface RetryOptions {
  tries?: number
  baseMs?: number
  shouldRetry?: (error: unknown) => boolean
  /** Called before each wait, with the attempt that just failed (1-based) and the wait. */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void
  sleep?: (ms: number) => Promise<void>
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function withRetry<T>(run: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { tries = UPLOAD_TRIES, baseMs = BACKOFF_BASE_MS, shouldRetry = isRetriable, onRetry, sleep = wait } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt)
    } catch (error) {
      if (attempt >= tries || !shouldRetry(error)) throw error
      // Never sooner than the server asked: retrying a busy server early only earns another 503.
      const delay = Math.max(backoffDelay(attempt, baseMs), requestedWait(error))
      onRetry?.(attempt, delay, error)
      await sleep(delay)
    }
  }
}
