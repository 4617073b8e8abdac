import { randomUUID } from 'node:crypto'
import type { AgreementDraft, AgreementEditRequest, AgreementResponse } from '../../../../src/contract/mediation-agreement'
import { chinaDate } from '../../china-time'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { agreementEvent } from './agreement-events'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { openAgreementCase, openForMediator } from './agreement-access'
import { agreementText, sha256Hex } from './agreement-text'
import { agreementResponse, caseHeading, type VersionBody } from './agreement-view'
import { advanceVersion, findAgreementByComplaint, findVersion, insertAgreement, voidSignatures } from './mediation-agreements.repository'

/** The association path while the mediator works the case. */
const DRAFTABLE = new Set(['accepted', 'mediating'])

function checkDraft(ctx: AppContext, complaint: ComplaintRow, draft: AgreementDraft) {
  if (!DRAFTABLE.has(complaint.status)) throw new AppError(409, 'INVALID_TRANSITION')
  if (!complaint.enterprise_id) throw new AppError(409, 'AGREEMENT_NO_BUSINESS_ACCOUNT')
  const date = new Date(`${draft.terms.dueDate}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== draft.terms.dueDate || draft.terms.dueDate < chinaDate(ctx.now())) {
    throw new AppError(400, 'AGREEMENT_DATE_INVALID')
  }
}

async function versionRow(ctx: AppContext, complaint: ComplaintRow, agreementId: string, version: number, draft: AgreementDraft, editorId: string) {
  const heading = await caseHeading(ctx.db, complaint)
  const text = agreementText(heading, draft)
  const body: VersionBody = { heading, draft }
  return {
    agreement_id: agreementId,
    version,
    body: JSON.stringify(body),
    text,
    text_sha256: sha256Hex(text),
    due_date: draft.terms.dueDate,
    amount_fen: draft.terms.amountFen,
    edited_by: editorId,
    created_at: ctx.now().toISOString(),
  }
}


export async function draftAgreement(ctx: AppContext, user: AuthUser, complaintId: string, draft: AgreementDraft): Promise<AgreementResponse> {
  const complaint = await openForMediator(ctx, user, complaintId)
  checkDraft(ctx, complaint, draft)
  if (await findAgreementByComplaint(ctx.db, complaint.id)) throw new AppError(409, 'AGREEMENT_EXISTS')
  const id = randomUUID()
  const version = await versionRow(ctx, complaint, id, 1, draft, user.id)
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertAgreement(
        trx,
        {
          id,
          complaint_id: complaint.id,
          version: 1,
          text_sha256: version.text_sha256,
          status: 'open',
          signature_count: 0,
          due_date: version.due_date,
          amount_fen: version.amount_fen,
          mediator_id: user.id,
          created_at: version.created_at,
          updated_at: version.created_at,
        },
        version,
      )
      await agreementEvent(trx, ctx, complaint.id, user, 'agreement_drafted', { version: 1, textSha256: version.text_sha256 })
    })
  } catch (error) {
    // Two mediators drafting at once: the unique complaint_id lets one through.
    if (await findAgreementByComplaint(ctx.db, complaint.id)) throw new AppError(409, 'AGREEMENT_EXISTS')
    throw error
  }
  return agreementResponse(ctx, await openAgreementCase(ctx, user, complaint.id))
}

/**
 * Every edit is a new version. Signatures on the version it replaces are voided in the same
 * transaction, after the compare-and-swap that a concurrent signature also goes through, so a
 * signature either lands before the edit (and is voided here) or finds its version gone (409).
 */
export async function editAgreement(ctx: AppContext, user: AuthUser, complaintId: string, request: AgreementEditRequest): Promise<AgreementResponse> {
  const complaint = await openForMediator(ctx, user, complaintId)
  const agreement = await findAgreementByComplaint(ctx.db, complaint.id)
  if (!agreement) throw new AppError(404, 'AGREEMENT_NOT_FOUND')
  if (agreement.status === 'effective') throw new AppError(409, 'AGREEMENT_EFFECTIVE')
  if (agreement.version !== request.baseVersion) throw new AppError(409, 'AGREEMENT_VERSION_CHANGED')
  checkDraft(ctx, complaint, request.draft)
  const next = await versionRow(ctx, complaint, agreement.id, agreement.version + 1, request.draft, user.id)
  const current = await findVersion(ctx.db, agreement.id, agreement.version)
  // Saving the same words again changes nothing and voids nothing.
  if (current.text_sha256 === next.text_sha256 && current.body === next.body) return agreementResponse(ctx, await openAgreementCase(ctx, user, complaint.id))
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await advanceVersion(trx, next, request.baseVersion))) {
      const now = await findAgreementByComplaint(trx, complaint.id)
      throw new AppError(409, now?.status === 'effective' ? 'AGREEMENT_EFFECTIVE' : 'AGREEMENT_VERSION_CHANGED')
    }
    const voided = await voidSignatures(trx, agreement.id, request.baseVersion, next.created_at)
    await agreementEvent(trx, ctx, complaint.id, user, 'agreement_revised', { version: next.version, textSha256: next.text_sha256 })
    if (voided > 0) await agreementEvent(trx, ctx, complaint.id, user, 'agreement_signatures_voided', { version: request.baseVersion, signatures: voided })
  })
  return agreementResponse(ctx, await openAgreementCase(ctx, user, complaint.id))
}
