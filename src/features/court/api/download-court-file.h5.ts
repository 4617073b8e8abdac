import { downloadFile } from '@/lib/download-file.h5'
import { letterPath, packetPath } from './court-api'

/** Saves the 支持诉讼函 PDF (fetched with the Authorization header, saved from a Blob). */
export const downloadLetter = (complaintId: string, number: string) => downloadFile(letterPath(complaintId), {}, `litigation-letter-${number}.pdf`)

/** Saves the 司法确认 materials zip. */
export const downloadPacket = (complaintId: string, number: string) => downloadFile(packetPath(complaintId), {}, `${number}-judicial-confirmation.zip`)
