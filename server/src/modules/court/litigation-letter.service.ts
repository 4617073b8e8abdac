import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { fenToYuan } from '../../../../src/contract/complaint-rules'
import { COMPLAINT_EVENT_LABELS } from '../../../../src/contract/complaint-events'
import { MOVE_EVENT_LABELS } from '../../../../src/contract/complaint-moves'
import type { CourtHandOff } from '../../../../src/contract/court'
import { chinaDate, chinaDateTime } from '../../china-time'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintEvents, insertComplaintEvent, nextEventTime } from '../complaints/complaint-events.repository'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { findEvidenceByComplaint } from '../evidence/evidence.repository'
import { sha256Hex } from '../mediation-agreements/agreement-text'
import { staffScope } from '../organizations/organization-scope'
import { SUPPORT_LITIGATION } from './court-law'
import { courtHandOff, mediationFailed, openCourtCase } from './court-hand-off.service'
import type { LetterPdfInput } from './court-pdf'
import { renderCourtPdfOffThread } from './court-pdf-thread'
import { findLetter, findReferral, insertLetter } from './court.repository'

const EVENT_LABELS: Record<string, string> = { ...COMPLAINT_EVENT_LABELS, ...MOVE_EVENT_LABELS }
/** Steps a court needs to see; the mediator's own notes and ratings stay out of a letter to the court. */
const LEFT_OUT = new Set(['note', 'rate', 'message', 'group_note'])
const SUMMARY_MAX = 400

const letterNumber = (complaint: ComplaintRow, now: Date) => `支诉〔${chinaDate(now).slice(0, 4)}〕${complaint.number}号`

async function letterInput(ctx: AppContext, complaint: ComplaintRow, number: string, issuer: { name: string; organization: string }): Promise<LetterPdfInput> {
  const [consumer, photos, events, referral] = await Promise.all([
    ctx.db.selectFrom('users').select('display_name').where('id', '=', complaint.consumer_id).executeTakeFirstOrThrow(),
    findEvidenceByComplaint(ctx.db, complaint.id),
    findComplaintEvents(ctx.db, complaint.id),
    findReferral(ctx.db, complaint.id),
  ])
  const summary = complaint.description.trim()
  return {
    kind: 'letter',
    number,
    organizationName: issuer.organization,
    issuedOn: chinaDate(ctx.now()),
    issuerName: issuer.name,
    consumerName: consumer.display_name,
    complaintNumber: complaint.number,
    businessName: complaint.business_name,
    businessCreditCode: complaint.business_credit_code,
    incidentDate: complaint.incident_date,
    amountYuan: fenToYuan(Number(complaint.amount_fen)),
    summary: summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX)}……` : summary,
    mediationEnd: complaint.outcome ? `双方未能达成调解协议（${complaint.outcome}）` : '双方未能达成调解协议',
    courtReferral: referral ? `${referral.court_name}诉前委托调解，案号 ${referral.court_case_number}` : null,
    evidence: photos.map((photo) => ({
      label: `照片，${chinaDateTime(photo.created_at)} 上传${photo.captured_at ? `，${chinaDateTime(photo.captured_at)} 拍摄` : ''}`,
      sha256: photo.sha256,
    })),
    timeline: events.filter((event) => !LEFT_OUT.has(event.type)).map((event) => ({ at: chinaDateTime(event.created_at), label: EVENT_LABELS[event.type] ?? event.type })),
    citation: SUPPORT_LITIGATION,
  }
}

/**
 * 支持诉讼函: once mediation failed (the status, or the recorded result after the case was closed),
 * staff who may mediate issue one letter per case. The PDF is made and stored first; the letter row,
 * its timeline event and the consumer's notification commit together. Two at once: one wins, 409.
 */
export async function issueLitigationLetter(ctx: AppContext, user: AuthUser, complaintId: string): Promise<CourtHandOff> {
  const complaint = await openCourtCase(ctx, user, complaintId)
  const scope = await staffScope(ctx.db, user.id)
  if (!scope.canMediate) throw new AppError(403, 'FORBIDDEN', '只有有调解权限的工作人员才能出具支持诉讼函')
  if (!mediationFailed(complaint)) throw new AppError(409, 'LITIGATION_LETTER_NOT_AFTER_FAILED_MEDIATION')
  if (await findLetter(ctx.db, complaint.id)) throw new AppError(409, 'LITIGATION_LETTER_EXISTS')
  const now = ctx.now()
  const issuerName = (await ctx.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow()).display_name
  const number = letterNumber(complaint, now)
  const pdf = await renderCourtPdfOffThread(await letterInput(ctx, complaint, number, { name: issuerName, organization: scope.organization.name }))
  const sha256 = sha256Hex(pdf)
  const key = `letters/${complaint.id}-${sha256.slice(0, 16)}.pdf`
  await ctx.storage.put(key, pdf, 'application/pdf')
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertLetter(trx, {
        id: randomUUID(),
        complaint_id: complaint.id,
        number,
        issued_by: user.id,
        issuer_name: issuerName,
        organization_name: scope.organization.name,
        issued_at: now.toISOString(),
        pdf_key: key,
        pdf_sha256: sha256,
      })
      await insertComplaintEvent(trx, {
        id: randomUUID(),
        complaint_id: complaint.id,
        type: 'litigation_letter_issued',
        actor_id: user.id,
        actor_role: user.role,
        note: `函号 ${number}，经办人 ${issuerName}（${scope.organization.name}）`,
        from_status: null,
        to_status: null,
        created_at: await nextEventTime(trx, complaint.id, now),
        data: JSON.stringify({ number, issuerName, organization: scope.organization.name, pdfSha256: sha256 }),
      })
    })
  } catch (error) {
    await ctx.storage.delete(key)
    if (isUniqueViolation(error)) throw new AppError(409, 'LITIGATION_LETTER_EXISTS')
    throw error
  }
  return courtHandOff(ctx, user, complaint.id)
}

/** The letter's PDF for the consumer who filed the case and staff who see it; anyone else 404. */
export async function openLitigationLetter(ctx: AppContext, user: AuthUser, complaintId: string): Promise<{ stream: Readable; fileName: string; complaintNumber: string }> {
  const complaint = await openCourtCase(ctx, user, complaintId)
  const letter = await findLetter(ctx.db, complaint.id)
  if (!letter) throw new AppError(404, 'LITIGATION_LETTER_NOT_FOUND')
  return { stream: await ctx.storage.getStream(letter.pdf_key), fileName: `支持诉讼函-${complaint.number}.pdf`, complaintNumber: complaint.number }
}

/** The letter as a document of the case, for the evidence package (case-documents.ts). */
export async function letterDocument(ctx: AppContext, complaintId: string) {
  const letter = await findLetter(ctx.db, complaintId)
  return letter ? { key: letter.pdf_key, sha256: letter.pdf_sha256 } : null
}
