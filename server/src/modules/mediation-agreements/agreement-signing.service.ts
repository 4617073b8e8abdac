import { randomUUID } from 'node:crypto'
import type { AgreementParty, AgreementResponse, SignRequest, SigningCodeResponse } from '../../../../src/contract/mediation-agreement'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { requestSmsCode, useSmsCode, type AuthUser } from '../auth/auth.service'
import type { CodeScope } from '../auth/sms-code.repository'
import { scheduleFollowUp } from '../performance/performance.service'
import { agreementEvent } from './agreement-events'
import { openAgreementCase, openForParty } from './agreement-access'
import { ensureAgreementPdf } from './agreement-documents'
import { agreementResponse, type VersionBody } from './agreement-view'
import { countSignature, findAgreementByComplaint, findSignatures, findVersion, insertSignature, markEffective, type AgreementRow } from './mediation-agreements.repository'

/** A signing code confirms one text: this agreement at this version. It can neither log in nor sign another version. */
const signingScope = (agreement: AgreementRow): CodeScope => ({ purpose: 'agreement_signature', subject: `${agreement.id}:v${agreement.version}` })

const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`

/** The checks before a code is sent and again before it is spent: the text shown is current and this side has not signed it. */
async function signable(ctx: AppContext, user: AuthUser, complaintId: string, textSha256: string) {
  const { complaint, side } = await openForParty(ctx, user, complaintId)
  const agreement = await findAgreementByComplaint(ctx.db, complaint.id)
  if (!agreement) throw new AppError(404, 'AGREEMENT_NOT_FOUND')
  const signatures = await findSignatures(ctx.db, agreement.id)
  if (signatures.some((s) => s.version === agreement.version && s.party === side && !s.voided_at)) throw new AppError(409, 'AGREEMENT_ALREADY_SIGNED')
  if (agreement.status === 'effective') throw new AppError(409, 'AGREEMENT_EFFECTIVE')
  if (agreement.text_sha256 !== textSha256) throw new AppError(409, 'AGREEMENT_TEXT_CHANGED')
  const account = await ctx.db.selectFrom('users').select(['phone', 'display_name']).where('id', '=', user.id).executeTakeFirstOrThrow()
  if (!account.phone) throw new AppError(409, 'AGREEMENT_NO_PHONE')
  return { complaint, side, agreement, phone: account.phone, displayName: account.display_name }
}

/** Sends a signing code to the caller's own phone (the number on their account, never one they type). */
export async function requestSigningCode(ctx: AppContext, user: AuthUser, complaintId: string, textSha256: string, ip: string): Promise<SigningCodeResponse> {
  const { agreement, phone } = await signable(ctx, user, complaintId, textSha256)
  const sent = await requestSmsCode(ctx, phone, ip, signingScope(agreement))
  return { sent: true, phone: maskPhone(phone), resendAfterSeconds: sent.resendAfterSeconds }
}

function signerName(side: AgreementParty, body: VersionBody, displayName: string) {
  return side === 'consumer' ? body.heading.consumerName : `${body.heading.businessName}（经办人：${displayName}）`
}

/**
 * Signs the current version. The code is spent first (a wrong one counts as a wrong guess); then the
 * signature counts itself only if its version is still current (countSignature), so an edit that won
 * the race leaves nothing signed, and an edit that lost it voids this signature.
 */
export async function signAgreement(ctx: AppContext, user: AuthUser, complaintId: string, request: SignRequest, ip: string): Promise<AgreementResponse> {
  const { complaint, side, agreement, phone, displayName } = await signable(ctx, user, complaintId, request.textSha256)
  await useSmsCode(ctx, phone, request.code, signingScope(agreement))
  const body = JSON.parse((await findVersion(ctx.db, agreement.id, agreement.version)).body) as VersionBody
  const now = ctx.now().toISOString()
  let effective = false
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const count = await countSignature(trx, agreement.id, agreement.version, now)
      if (count === null) throw new AppError(409, 'AGREEMENT_TEXT_CHANGED')
      await insertSignature(trx, {
        id: randomUUID(),
        agreement_id: agreement.id,
        version: agreement.version,
        party: side,
        signer_id: user.id,
        signer_name: signerName(side, body, displayName),
        ip,
        text_sha256: agreement.text_sha256,
        signed_at: now,
        voided_at: null,
      })
      await agreementEvent(trx, ctx, complaint.id, user, 'agreement_signed', { party: side, version: agreement.version, textSha256: agreement.text_sha256 })
      if (count === 2) {
        await markEffective(trx, agreement.id, now)
        await scheduleFollowUp(ctx, trx, { complaint, source: 'agreement', dueDate: agreement.due_date, mediatorId: agreement.mediator_id, now: ctx.now() })
        await agreementEvent(trx, ctx, complaint.id, user, 'agreement_effective', { version: agreement.version, textSha256: agreement.text_sha256 })
        effective = true
      }
    })
  } catch (error) {
    if (error instanceof AppError) throw error
    // The unique (agreement, version, party) index: the same side signed in a concurrent request.
    const again = await findSignatures(ctx.db, agreement.id)
    if (again.some((s) => s.version === agreement.version && s.party === side)) throw new AppError(409, 'AGREEMENT_ALREADY_SIGNED')
    throw error
  }
  // The signature stands whatever happens to the PDF: a failed one is made again on first download.
  if (effective) await ensureAgreementPdf(ctx, complaint.id).catch((error: unknown) => console.error('调解协议书 PDF 生成失败（下载时会重新生成）：', error))
  return agreementResponse(ctx, await openAgreementCase(ctx, user, complaint.id))
}

