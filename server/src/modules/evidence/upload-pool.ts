import sharp from 'sharp'
import type { UploadConfig } from '../../config'
import { AppError } from '../../errors'

/** Until the first uploads have been timed: about what a 12 MP photo takes on one core. */
const INITIAL_ESTIMATE_MS = 500
const MAX_RETRY_AFTER_SECONDS = 60

export interface UploadPool {
  /** Refuses with 503 + Retry-After when every slot is busy and the queue is full (checked before the body is read). */
  assertRoom(): void
  /** Runs `task` when a slot is free, in arrival order; refuses like assertRoom when the queue is full. */
  run<T>(task: () => Promise<T>): Promise<T>
}

/**
 * Photo processing decodes whole images (~36 MB of pixels for 12 MP) and libvips works on them in
 * native threads: unbounded, a burst of uploads multiplies that memory and starves every other
 * request. The pool runs `concurrency` at a time and lets `queueLimit` more wait.
 */
export function createUploadPool({ concurrency, queueLimit }: UploadConfig): UploadPool {
  let running = 0
  const waiting: Array<() => void> = []
  let averageMs = INITIAL_ESTIMATE_MS

  const busy = () => {
    // How long until the whole queue ahead of a new upload has gone through, rounded up.
    const seconds = Math.ceil((averageMs * (waiting.length + 1)) / concurrency / 1000)
    const retryAfter = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, seconds))
    return new AppError(503, 'UPLOADS_BUSY', undefined, { 'retry-after': String(retryAfter) })
  }
  const assertRoom = () => {
    if (running >= concurrency && waiting.length >= queueLimit) throw busy()
  }

  return {
    assertRoom,
    async run(task) {
      assertRoom()
      if (running < concurrency) running++
      else await new Promise<void>((resolve) => waiting.push(resolve)) // the finishing task hands its slot over
      const started = performance.now()
      try {
        return await task()
      } finally {
        averageMs = averageMs * 0.8 + (performance.now() - started) * 0.2
        const next = waiting.shift()
        if (next) next()
        else running--
      }
    },
  }
}

/**
 * Each task in the pool is one image: libvips threads inside it add little but memory, and its
 * operation cache keeps decoded images of photos that never come back (every upload is new bytes).
 */
export function configureSharpForUploads(): void {
  sharp.concurrency(1)
  sharp.cache(false)
}
