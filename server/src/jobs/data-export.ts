import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AppContext } from '../context'
import { writeExportArchive } from '../modules/data-export/data-export.archive'
import { claimNextExport, failExhaustedExports, markExportReady, releaseFailedExport, renewLease, type DataExportRow } from '../modules/data-export/data-export.repository'
import { onExportRequested } from '../modules/data-export/data-export.service'
import { recordOwnExport } from '../modules/privacy/access-log.service'
import { EXPORT_FILE_NAME } from '../storage/files.routes'
import type { JobLog } from './retention'

export const EXPORT_POLL_MS = 5_000
const LEASE_MS = 10 * 60_000
const MAX_ATTEMPTS = 3
const DAY_MS = 86400_000

const leaseUntil = (ctx: AppContext) => new Date(ctx.now().getTime() + LEASE_MS).toISOString()

/** Builds one claimed export: zip to a temporary file, then into storage, then marks it ready. */
async function build(ctx: AppContext, row: DataExportRow, owner: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'weiquan-export-'))
  try {
    const file = path.join(dir, 'export.zip')
    let renewedAt = ctx.now().getTime()
    const result = await writeExportArchive(ctx, row.user_id, file, async () => {
      if (ctx.now().getTime() - renewedAt < LEASE_MS / 2) return
      renewedAt = ctx.now().getTime()
      if (!(await renewLease(ctx.db, row.id, owner, leaseUntil(ctx)))) throw new Error('lease lost to another worker')
    })
    const key = `exports/${row.id}.zip`
    await ctx.storage.putFile(key, file, 'application/zip', { downloadName: EXPORT_FILE_NAME })
    const readyAt = ctx.now()
    const ready = await markExportReady(ctx.db, {
      id: row.id,
      owner,
      storageKey: key,
      bytes: (await stat(file)).size,
      photoCount: result.photoCount,
      readyAt: readyAt.toISOString(),
      expiresAt: new Date(readyAt.getTime() + ctx.config.retention.data_exports * DAY_MS).toISOString(),
    })
    // The copy of everything is a read of personal data too: it goes into the access log.
    if (ready) {
      const user = await ctx.db.selectFrom('users').select(['id', 'role', 'enterprise_id']).where('id', '=', row.user_id).executeTakeFirstOrThrow()
      await recordOwnExport(ctx, { id: user.id, role: user.role, enterpriseId: user.enterprise_id })
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Builds waiting exports until none is left; returns how many were finished. Idempotent and safe on
 * several processes at once: each export is claimed by one worker in an atomic UPDATE.
 */
export async function runDataExports(ctx: AppContext, log: JobLog): Promise<number> {
  const owner = randomUUID()
  let built = 0
  for (;;) {
    await failExhaustedExports(ctx.db, ctx.now().toISOString(), MAX_ATTEMPTS)
    const row = await claimNextExport(ctx.db, { owner, now: ctx.now().toISOString(), leaseUntil: leaseUntil(ctx), maxAttempts: MAX_ATTEMPTS })
    if (!row) return built
    try {
      await build(ctx, row, owner)
      built++
    } catch (error) {
      log.error({ err: error, exportId: row.id }, 'data export failed')
      await releaseFailedExport(ctx.db, { id: row.id, owner, error: (error as Error).message, giveUp: Number(row.attempts) >= MAX_ATTEMPTS })
    }
  }
}

/** Runs now, on every request made in this process, and every few seconds (for requests made elsewhere). */
export function startDataExportWorker(ctx: AppContext, log: JobLog): () => void {
  let running: Promise<void> | null = null
  let again = false
  const run = () => {
    if (running) {
      again = true
      return
    }
    running = runDataExports(ctx, log)
      .then((built) => {
        if (built > 0) log.info({ built }, 'data exports built')
      })
      .catch((error: unknown) => log.error({ err: error }, 'data export job failed'))
      .finally(() => {
        running = null
        if (again) {
          again = false
          run()
        }
      })
  }
  const unsubscribe = onExportRequested(run)
  run()
  const timer = setInterval(run, EXPORT_POLL_MS)
  timer.unref()
  return () => {
    clearInterval(timer)
    unsubscribe()
  }
}
