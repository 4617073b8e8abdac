import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Dialect } from './database'

/**
 * better-sqlite3 runs each query synchronously on the event loop, and a chain of awaited queries
 * resumes as microtasks: a request that arrives meanwhile waits for the whole chain. A turn of the
 * loop between pages or batches lets it in. PostgreSQL queries wait on the network, which does that anyway.
 */
export async function letOthersIn(dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await nextTurn()
}
