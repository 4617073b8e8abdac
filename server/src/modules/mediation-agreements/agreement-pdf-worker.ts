// Runs inside a worker thread (see agreement-pdf-thread.ts): laying out and subsetting the CJK font
// takes about a second, which would stall every other request on the main thread.
import { parentPort, workerData } from 'node:worker_threads'
import { renderAgreementPdf, type AgreementPdfInput } from './agreement-pdf'

renderAgreementPdf(workerData as AgreementPdfInput).then(
  (pdf) => parentPort!.postMessage({ pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) }),
  (error: Error) => parentPort!.postMessage({ error: error.message }),
)
