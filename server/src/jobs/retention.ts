import type { AppContext } from '../context'
import { deleteUnreferencedFiles } from '../modules/evidence/evidence.service'
import {
  anonymizeComplaints,
  clearFieldReportCoordinates,
  complaintsClosedBefore,
  deleteAccessRecordsBefore,
  deleteSessionsExpiredBefore,
  deleteSmsCodesBefore,
  fieldReportsReviewedBefore,
} from '../modules/privacy/retention.repository'
import { retentionCutoff, type RetentionKind } from '../modules/privacy/retention-schedule'
import { expireExportsBefore } from '../modules/data-export/data-export.repository'
import { deleteUnfinishedFilings, unfinishedFilingsBefore } from '../modules/walk-ins/walk-in-erasure'
import { deleteUnpublishedQuestions, unansweredQuestionsBefore } from '../modules/lawyers/qa-erasure'

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000
const BATCH_SIZE = 200

export type RetentionResult = Record<Exclude<RetentionKind, 'unattached_uploads'>, number> & { photoFiles: number }

/** Repeats a bounded batch until one comes back short. */
async function drain(batch: () => Promise<number>): Promise<number> {
  let total = 0
  for (;;) {
    const handled = await batch()
    total += handled
    if (handled < BATCH_SIZE) return total
  }
}

/**
 * Enforces the retention schedule (modules/privacy/retention-schedule.ts) for everything but unattached
 * uploads, which evidence-cleanup handles. Idempotent: a second run finds nothing left to do. Safe on
 * several instances at once: batches are claimed with SKIP LOCKED on PostgreSQL (disjoint) and every
 * write re-checks its condition, so each row is handled by one run.
 */
export async function enforceRetention(ctx: AppContext): Promise<RetentionResult> {
  const now = ctx.now()
  const at = now.toISOString()
  const cutoff = (kind: RetentionKind) => retentionCutoff(ctx.config.retention, kind, now)
  const result: RetentionResult = {
    sms_codes: await drain(() => deleteSmsCodesBefore(ctx.db, cutoff('sms_codes'), BATCH_SIZE)),
    sessions: await drain(() => deleteSessionsExpiredBefore(ctx.db, cutoff('sessions'), BATCH_SIZE)),
    access_records: await drain(() => deleteAccessRecordsBefore(ctx.db, cutoff('access_records'), BATCH_SIZE)),
    closed_complaints: 0,
    field_report_coordinates: 0,
    data_exports: 0,
    walk_in_filings: 0,
    qa_questions: 0,
    photoFiles: 0,
  }

  for (;;) {
    // Claimed and anonymized in one transaction, so workers running at once take disjoint batches.
    const { due, done } = await ctx.db.transaction().execute(async (trx) => {
      const due = await complaintsClosedBefore(trx, cutoff('closed_complaints'), BATCH_SIZE)
      return { due, done: await anonymizeComplaints(trx, due.map((row) => row.id), at) }
    })
    result.closed_complaints += done.ids.length
    // Files after commit: a failed file deletion leaves an orphan file, never a row pointing at nothing.
    result.photoFiles += await deleteUnreferencedFiles(ctx, done.evidence)
    if (due.length < BATCH_SIZE) break
  }

  for (;;) {
    const { due, cleared } = await ctx.db.transaction().execute(async (trx) => {
      const due = await fieldReportsReviewedBefore(trx, cutoff('field_report_coordinates'), BATCH_SIZE)
      return { due, cleared: await clearFieldReportCoordinates(trx, due.map((row) => row.id), at) }
    })
    result.field_report_coordinates += cleared
    if (due.length < BATCH_SIZE) break
  }
  for (;;) {
    const { due, done } = await ctx.db.transaction().execute(async (trx) => {
      const due = await unfinishedFilingsBefore(trx, cutoff('walk_in_filings'), BATCH_SIZE)
      return { due, done: await deleteUnfinishedFilings(trx, due.map((row) => row.id)) }
    })
    result.walk_in_filings += done.filings
    result.photoFiles += await deleteUnreferencedFiles(ctx, done.evidence)
    if (due.length < BATCH_SIZE) break
  }
  for (;;) {
    const { due, done } = await ctx.db.transaction().execute(async (trx) => {
      const due = await unansweredQuestionsBefore(trx, cutoff('qa_questions'), BATCH_SIZE)
      return { due, done: await deleteUnpublishedQuestions(trx, due.map((row) => row.id), { waitingOnly: true }) }
    })
    result.qa_questions += done.questions
    result.photoFiles += await deleteUnreferencedFiles(ctx, done.evidence)
    if (due.length < BATCH_SIZE) break
  }
  // Each export's own expiry (set when it was built, from the data_exports period): marked expired, then its file goes.
  for (;;) {
    const expired = await expireExportsBefore(ctx.db, at, BATCH_SIZE)
    for (const row of expired) if (row.storage_key) await ctx.storage.delete(row.storage_key)
    result.data_exports += expired.length
    if (expired.length < BATCH_SIZE) break
  }
  return result
}

/** The server's logger, or the worker's console. */
export interface JobLog {
  info(details: object, message: string): void
  error(details: object, message: string): void
}

/** Runs now and then every hour; the timer does not keep the process alive. Returns a stop function. */
export function scheduleRetention(ctx: AppContext, log: JobLog): () => void {
  const run = async () => {
    try {
      const result = await enforceRetention(ctx)
      if (Object.values(result).some((count) => count > 0)) log.info(result, 'retention schedule enforced')
    } catch (error) {
      log.error({ err: error }, 'retention job failed')
    }
  }
  void run()
  const timer = setInterval(run, RETENTION_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
