import { downloadFile } from '@/lib/download-file.h5'

export function downloadEvidencePackage(complaintId: string, number: string, onProgress: (share: number | null) => void): Promise<string> {
  return downloadFile(`/complaints/${encodeURIComponent(complaintId)}/evidence-package`, {}, `${number}-evidence.zip`, onProgress)
}
