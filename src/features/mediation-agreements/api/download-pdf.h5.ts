import { downloadCsv as downloadWithAuth } from '@/lib/download-csv.h5'
import { pdfPath } from './agreement-api'

/** Saves the signed agreement (fetched with the Authorization header like the staff CSVs, saved from a Blob). */
export function downloadAgreementPdf(complaintId: string, fallbackName: string): Promise<void> {
  return downloadWithAuth(pdfPath(complaintId), {}, fallbackName).then(() => undefined)
}
