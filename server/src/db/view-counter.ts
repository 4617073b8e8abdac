/** How often a process writes the views it has counted (and once more when it shuts down). */
export const VIEW_FLUSH_MS = 5000

/**
 * Views counted in memory and handed to `save` in one call per flush, as increments, so several API
 * instances can flush side by side. A flush that fails puts its counts back for the next one; each
 * view reaches the database exactly once. Warnings and lawyer Q&A sessions count their views so.
 */
export class ViewCounter {
  private pending = new Map<string, number>()
  private flushing = new Map<string, number>()
  private running: Promise<void> = Promise.resolve()

  constructor(private readonly save: (views: Map<string, number>) => Promise<void>) {}

  record(id: string): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1)
  }

  /** Views of this row counted here and not yet in the database. */
  unsaved(id: string): number {
    return (this.pending.get(id) ?? 0) + (this.flushing.get(id) ?? 0)
  }

  /** Writes what has been counted so far; flushes never overlap. */
  flush(): Promise<void> {
    const run = this.running.catch(() => undefined).then(() => this.write())
    this.running = run
    return run
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return
    this.flushing = this.pending
    this.pending = new Map()
    try {
      await this.save(this.flushing)
    } catch (error) {
      for (const [id, n] of this.flushing) this.pending.set(id, (this.pending.get(id) ?? 0) + n)
      throw error
    } finally {
      this.flushing = new Map()
    }
  }
}

/** Flushes every VIEW_FLUSH_MS; the returned stop flushes one last time. */
export function scheduleViewFlushes(counter: ViewCounter, onError: (error: unknown) => void, everyMs = VIEW_FLUSH_MS) {
  const timer = setInterval(() => counter.flush().catch(onError), everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await counter.flush()
  }
}
