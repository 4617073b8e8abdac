import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { HeicJob, HeicResult } from './heic-worker'

const WORKER_FILE = fileURLToPath(new URL('./heic-worker.ts', import.meta.url))
// NOTE: Node 20 does not pass tsx's loader hooks on to worker threads, so the worker registers tsx itself.
const TSX_REGISTER = createRequire(import.meta.url).resolve('tsx/cjs/api')
const BOOTSTRAP = `require(${JSON.stringify(TSX_REGISTER)}).register(); require(${JSON.stringify(WORKER_FILE)})`

/** A crafted file must not hold a worker (and its memory) forever. */
const DECODE_TIMEOUT_MS = 60_000
/** Each decode holds the full RGBA image plus libheif's heap; more at once than cores only costs memory. */
const MAX_CONCURRENT = availableParallelism()

let running = 0
const waiting: Array<() => void> = []

/** Decodes the primary image of a HEIC file to RGBA pixels in a fresh worker thread, refusing more than maxPixels before decoding. */
export async function decodeHeic(bytes: Buffer, maxPixels: number): Promise<HeicResult> {
  if (running < MAX_CONCURRENT) running++
  else await new Promise<void>((resolve) => waiting.push(resolve)) // the finishing decode hands its slot over
  try {
    return await runWorker({ bytes, maxPixels })
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** Decode failures come back as results; a crashed worker (a bug, or out of memory) rejects and becomes a 500. */
async function runWorker(job: HeicJob): Promise<HeicResult> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: job })
  let timer: NodeJS.Timeout | undefined
  try {
    return await new Promise<HeicResult>((resolve, reject) => {
      timer = setTimeout(() => resolve({ kind: 'corrupt', message: 'HEIC decoding timed out' }), DECODE_TIMEOUT_MS)
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`HEIC worker exited with code ${code} before answering`)))
    })
  } finally {
    clearTimeout(timer)
    void worker.terminate()
  }
}
