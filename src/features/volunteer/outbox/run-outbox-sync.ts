/**
 * The one outbox sender of the app: started at launch on H5 (app.ts), by the volunteer pages on weapp;
 * triggered by its start, the network coming
 * back (weapp onNetworkStatusChange, H5 `online`) and the 立即上传 button; network trouble retries
 * with backoff (2 s, 4 s … 1 min) for as long as reports are waiting.
 */
import type { EvidenceProvenance } from '@/contract/evidence'
import { postJson } from '@/lib/http'
import { discardPhoto } from '@/lib/photo-files'
import { backoffDelay } from '@/lib/retry'
import { uploadEvidence } from '@/lib/upload'
import { onNetworkBack, surelyOffline } from './network'
import { reportsOf, useOutboxStore } from './outbox-store'
import { syncOutboxOnce, type OutboxDeps, type SyncOutcome } from './outbox-sync'

const RETRY_BASE_MS = 2_000
const RETRY_MAX_MS = 60_000

let currentOwner: () => string | null = () => null
let running: Promise<SyncOutcome | null> | null = null
let again = false
let retryTimer: ReturnType<typeof setTimeout> | null = null
let started = false

/** Photos were compressed when queued (queue-report.ts): this stays small in the main package. */
async function uploadPhoto(file: string, onPercent: (percent: number) => void, provenance?: EvidenceProvenance): Promise<string> {
  return (await uploadEvidence(file, { original: false, provenance, onProgress: onPercent })).id
}

function deps(ownerId: string): OutboxDeps {
  const store = useOutboxStore.getState
  return {
    reports: () => reportsOf(store().reports, ownerId),
    patch: (clientId, change) => store().patch(clientId, change),
    remove: (clientId) => store().remove(clientId),
    progress: (clientId, progress) => store().setProgress(clientId, progress),
    uploadPhoto,
    postReport: async (body) => {
      await postJson('/field-reports', body)
    },
    discardPhoto,
  }
}

function scheduleRetry(ownerId: string) {
  if (retryTimer) clearTimeout(retryTimer)
  const failures = Math.max(1, ...reportsOf(useOutboxStore.getState().reports, ownerId).map((r) => r.failures))
  retryTimer = setTimeout(() => {
    retryTimer = null
    void syncOutbox()
  }, backoffDelay(failures, RETRY_BASE_MS, RETRY_MAX_MS))
}

/** Sends what is waiting; a call during a run makes one more run afterwards. */
export function syncOutbox(): Promise<SyncOutcome | null> {
  if (running) {
    again = true
    return running
  }
  running = (async () => {
    let outcome: SyncOutcome | null = null
    do {
      again = false
      const ownerId = currentOwner()
      if (!ownerId || surelyOffline()) return outcome
      outcome = await syncOutboxOnce(deps(ownerId))
      if (outcome.stoppedBy === 'network') scheduleRetry(ownerId)
    } while (again)
    return outcome
  })().finally(() => {
    running = null
  })
  return running
}

/** Once, at app start: who owns the outbox, and the triggers. */
export function startOutboxSync(ownerId: () => string | null) {
  currentOwner = ownerId
  if (started) return
  started = true
  onNetworkBack(() => void syncOutbox())
  void syncOutbox()
}
