import type { FastifyBaseLogger } from 'fastify'
import type { AppContext } from '../context'
import { deleteUnattachedEvidence } from '../modules/evidence/evidence.repository'
import { deleteUnreferencedFiles } from '../modules/evidence/evidence.service'
import { uploadTempDir } from '../modules/evidence/photo-upload'
import { retentionCutoff } from '../modules/privacy/retention-schedule'
import { removeStaleTempFiles } from '../storage/disk-storage'

export const EVIDENCE_CLEANUP_INTERVAL_MS = 60 * 60 * 1000
const BATCH_SIZE = 200
/** Far longer than any upload or write takes (the app gives up on an upload after 3 minutes). */
export const STALE_TEMP_FILE_MS = 60 * 60 * 1000

/**
 * Deletes photos no complaint referenced within the retention period (24 hours unless configured), and their files unless other rows share them.
 * Idempotent, and safe to run on several instances at once: each row is deleted by exactly one DELETE.
 */
export async function cleanUpUnattachedEvidence(ctx: AppContext): Promise<{ rows: number; files: number }> {
  // A photo no complaint has referenced within this time was abandoned with its draft.
  const cutoff = retentionCutoff(ctx.config.retention, 'unattached_uploads', ctx.now())
  const total = { rows: 0, files: 0 }
  for (;;) {
    // Rows first: were a file deletion to fail, an orphaned file costs only space, whereas a row
    // pointing at a missing file would show a broken photo.
    const deleted = await deleteUnattachedEvidence(ctx.db, cutoff, BATCH_SIZE)
    total.rows += deleted.length
    total.files += await deleteUnreferencedFiles(ctx, deleted)
    if (deleted.length < BATCH_SIZE) return total
  }
}

/**
 * Removes `*.tmp` files a crash left behind: photos being received, and storage writes cut off before
 * their rename. `everywhere` walks the whole photo store (once per start, for older versions' leftovers).
 */
export async function cleanUpStaleTempFiles(ctx: AppContext, { everywhere = false } = {}): Promise<number> {
  const olderThan = new Date(ctx.now().getTime() - STALE_TEMP_FILE_MS)
  const [received, stored] = await Promise.all([
    removeStaleTempFiles(uploadTempDir(ctx.config.dataDir), olderThan),
    ctx.storage.removeStaleTempFiles(olderThan, { everywhere }),
  ])
  return received + stored
}

/** Runs the cleanup now and then every hour; the timer does not keep the process alive. Returns a stop function. */
export function scheduleEvidenceCleanup(ctx: AppContext, log: FastifyBaseLogger): () => void {
  let firstRun = true
  const run = async () => {
    const everywhere = firstRun
    firstRun = false
    try {
      const result = await cleanUpUnattachedEvidence(ctx)
      if (result.rows > 0) log.info(result, 'deleted unattached evidence')
      const tempFiles = await cleanUpStaleTempFiles(ctx, { everywhere })
      if (tempFiles > 0) log.info({ tempFiles }, 'deleted temporary files left by a crash')
    } catch (error) {
      log.error({ err: error }, 'evidence cleanup failed')
    }
  }
  void run()
  const timer = setInterval(run, EVIDENCE_CLEANUP_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
