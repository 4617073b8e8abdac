import { chinaDateTime } from '../../china-time'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { sha256Hex } from './agreement-text'
import { renderAgreementPdfOffThread } from './agreement-pdf-thread'
import { verifyUrl, type VersionBody } from './agreement-view'
import { findAgreementByComplaint, findSignatures, findVersion, recordPdf } from './mediation-agreements.repository'

const PARTY_LABELS = { consumer: '申请人（消费者）', business: '被申请人（经营者）' } as const

export interface CaseDocument {
  /** File name inside a package, e.g. 调解协议书-WQ20261204000001-v2.pdf */
  name: string
  bytes: Buffer
  sha256: string
}

/**
 * The signed agreement's PDF, made once when it takes effect and kept in storage; made here on demand
 * if that step was interrupted. Two makers at once: the first recorded wins, the other's file is unused.
 */
export async function ensureAgreementPdf(ctx: AppContext, complaintId: string): Promise<{ key: string; sha256: string; name: string }> {
  const agreement = await findAgreementByComplaint(ctx.db, complaintId)
  if (!agreement || agreement.status !== 'effective') throw new AppError(409, 'AGREEMENT_PDF_NOT_READY')
  const version = await findVersion(ctx.db, agreement.id, agreement.version)
  const body = JSON.parse(version.body) as VersionBody
  const name = `调解协议书-${body.heading.complaintNumber}-v${agreement.version}.pdf`
  if (agreement.pdf_key && agreement.pdf_sha256) return { key: agreement.pdf_key, sha256: agreement.pdf_sha256, name }
  const signatures = (await findSignatures(ctx.db, agreement.id)).filter((s) => s.version === agreement.version && !s.voided_at)
  const pdf = await renderAgreementPdfOffThread({
    text: version.text,
    textSha256: version.text_sha256,
    complaintNumber: body.heading.complaintNumber,
    signatures: signatures
      .sort((a, b) => (a.party === 'consumer' ? -1 : 1) - (b.party === 'consumer' ? -1 : 1))
      .map((s) => ({ partyLabel: PARTY_LABELS[s.party], signerName: s.signer_name, signedAt: chinaDateTime(s.signed_at), ip: s.ip, textSha256: s.text_sha256 })),
    verifyUrl: verifyUrl(ctx, version.text_sha256),
    effectiveAt: agreement.effective_at!,
  })
  const sha256 = sha256Hex(pdf)
  const key = `agreements/${agreement.id}-v${agreement.version}-${sha256.slice(0, 16)}.pdf`
  await ctx.storage.put(key, pdf, 'application/pdf')
  if (await recordPdf(ctx.db, agreement.id, key, sha256)) return { key, sha256, name }
  await ctx.storage.delete(key)
  const recorded = (await findAgreementByComplaint(ctx.db, complaintId))!
  return { key: recorded.pdf_key!, sha256: recorded.pdf_sha256!, name }
}

/**
 * The documents of a case that belong in a court-ready package: today the signed agreement's PDF
 * (none before both parties signed). For the evidence package (issue #17).
 */
export async function listCaseDocuments(ctx: AppContext, complaintId: string): Promise<CaseDocument[]> {
  const agreement = await findAgreementByComplaint(ctx.db, complaintId)
  if (!agreement || agreement.status !== 'effective') return []
  const { key, sha256, name } = await ensureAgreementPdf(ctx, complaintId)
  return [{ name, bytes: await ctx.storage.get(key), sha256 }]
}
