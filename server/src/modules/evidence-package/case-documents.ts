import { Readable } from 'node:stream'
import type { AppContext } from '../../context'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { letterDocument } from '../court/litigation-letter.service'
import { listCaseDocuments } from '../mediation-agreements/agreement-documents'

/** A document of the case (the mediation agreement, a support-for-litigation letter …) for the package. */
export interface CaseDocument {
  /** File name inside documents/: lower-case letters, digits, '-', '_' and one extension. */
  name: string
  /** What it is, in Chinese, for the README and the verifier's messages (调解协议书, 支持诉讼函 …). */
  title: string
  contentType: string
  /** The SHA-256 recorded when the document was made (e.g. in its signature record); the verifier checks the file against it too. */
  recordedSha256: string | null
  open(): Promise<Readable>
}

export type CaseDocumentSource = (ctx: AppContext, complaint: ComplaintRow) => Promise<CaseDocument[]>

/** The signed mediation agreement (调解协议书), once both parties signed, checked against its signature record. */
const agreementDocuments: CaseDocumentSource = async (ctx, complaint) =>
  (await listCaseDocuments(ctx, complaint.id)).map((pdf) => ({
    name: 'mediation-agreement.pdf',
    title: '调解协议书',
    contentType: 'application/pdf',
    recordedSha256: pdf.sha256,
    open: async () => Readable.from([pdf.bytes]),
  }))

/** The support-for-litigation letter (支持诉讼函), once issued, checked against the hash recorded when it was made. */
const letterDocuments: CaseDocumentSource = async (ctx, complaint) => {
  const letter = await letterDocument(ctx, complaint.id)
  if (!letter) return []
  return [{ name: 'litigation-support-letter.pdf', title: '支持诉讼函', contentType: 'application/pdf', recordedSha256: letter.sha256, open: () => ctx.storage.getStream(letter.key) }]
}

/** Where the package finds a case's documents. */
const SOURCES: CaseDocumentSource[] = [agreementDocuments, letterDocuments]

/** Adds a source (tests, or a module that owns documents); returns how to take it away again. */
export function registerCaseDocumentSource(source: CaseDocumentSource): () => void {
  SOURCES.push(source)
  return () => {
    const index = SOURCES.indexOf(source)
    if (index >= 0) SOURCES.splice(index, 1)
  }
}

export const SAFE_DOCUMENT_NAME = /^[a-z0-9][a-z0-9_-]*\.[a-z0-9]+$/

export async function caseDocumentsFor(ctx: AppContext, complaint: ComplaintRow): Promise<CaseDocument[]> {
  const documents = (await Promise.all(SOURCES.map((source) => source(ctx, complaint)))).flat()
  const names = new Set<string>()
  for (const document of documents) {
    // A bug in a source must never put a path into the zip or two files under one name.
    if (!SAFE_DOCUMENT_NAME.test(document.name) || names.has(document.name)) throw new Error(`bad case document name: ${document.name}`)
    names.add(document.name)
  }
  return documents
}
