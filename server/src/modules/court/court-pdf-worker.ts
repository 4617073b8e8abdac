// Runs inside a worker thread (see court-pdf-thread.ts): laying out and subsetting the CJK font takes
// about a second, which would stall every other request on the main thread.
import { parentPort, workerData } from 'node:worker_threads'
import { renderCourtPdf, type CourtPdfInput } from './court-pdf'

renderCourtPdf(workerData as CourtPdfInput).then(
  (pdf) => parentPort!.postMessage({ pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) }),
  (error: Error) => parentPort!.postMessage({ error: error.message }),
)
