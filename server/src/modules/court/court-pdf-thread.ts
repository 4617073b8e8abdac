import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CourtPdfInput } from './court-pdf'

const WORKER_FILE = fileURLToPath(new URL('./court-pdf-worker.ts', import.meta.url))
// NOTE: Node 20 does not pass tsx's loader hooks on to worker threads, so the worker registers tsx itself.
const TSX_REGISTER = createRequire(import.meta.url).resolve('tsx/cjs/api')
const BOOTSTRAP = `require(${JSON.stringify(TSX_REGISTER)}).register(); require(${JSON.stringify(WORKER_FILE)})`
const TIMEOUT_MS = 60_000

/** Renders the court document PDF in a fresh worker thread (about 1 s of CPU that the API's event loop must not spend). */
export async function renderCourtPdfOffThread(input: CourtPdfInput): Promise<Buffer> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: input })
  let timer: NodeJS.Timeout | undefined
  try {
    const answer = await new Promise<{ pdf?: Uint8Array; error?: string }>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('court document PDF timed out')), TIMEOUT_MS)
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`court document PDF worker exited with code ${code} before answering`)))
    })
    if (!answer.pdf) throw new Error(`court document PDF failed: ${answer.error}`)
    return Buffer.from(answer.pdf)
  } finally {
    clearTimeout(timer)
    void worker.terminate()
  }
}
