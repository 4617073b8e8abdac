/**
 * Runs `work` once the first screen is up, so background jobs (inbox stream, field-report outbox)
 * do not compete with it for a slow network and CPU. Waits at most `maxWaitMs`.
 */
export function whenIdle(work: () => void, maxWaitMs = 3000): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options: { timeout: number }) => number }).requestIdleCallback
  if (idle) idle(work, { timeout: maxWaitMs })
  else setTimeout(work, Math.min(maxWaitMs, 1000))
}
