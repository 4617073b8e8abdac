import type { Agreement, AgreementDraft, AgreementResponse } from '../../../../src/contract/mediation-agreement'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { findOrganizationById } from '../organizations/organizations.repository'
import type { AgreementCase } from './agreement-access'
import type { AgreementHeading } from './agreement-text'
import { findAgreementByComplaint, findSignatures, findVersion, type AgreementRow } from './mediation-agreements.repository'

/** What a version row's body holds: the heading as recorded on the case when it was written, and the draft. */
export interface VersionBody {
  heading: AgreementHeading
  draft: AgreementDraft
}

/** The parties as recorded on the case: the consumer's name on the account, the business as filed. */
export async function caseHeading(db: Db, complaint: ComplaintRow): Promise<AgreementHeading> {
  const consumer = await db.selectFrom('users').select('display_name').where('id', '=', complaint.consumer_id).executeTakeFirstOrThrow()
  const organization = complaint.organization_id ? await findOrganizationById(db, complaint.organization_id) : undefined
  return {
    complaintNumber: complaint.number,
    consumerName: consumer.display_name,
    businessName: complaint.business_name,
    businessCreditCode: complaint.business_credit_code,
    organizationName: organization?.name ?? '消费者协会',
  }
}

export const verifyUrl = (ctx: AppContext, textSha256: string) => `${ctx.config.publicUrl}/packages/agreement/pages/verify/index?h=${textSha256}`

export async function agreementDto(ctx: AppContext, row: AgreementRow, side: Agreement['mySide']): Promise<Agreement> {
  const version = await findVersion(ctx.db, row.id, row.version)
  const body = JSON.parse(version.body) as VersionBody
  const signatures = (await findSignatures(ctx.db, row.id)).sort((a, b) => Number(a.voided_at !== null) - Number(b.voided_at !== null))
  return {
    id: row.id,
    complaintId: row.complaint_id,
    complaintNumber: body.heading.complaintNumber,
    version: row.version,
    status: row.status,
    parties: { consumer: body.heading.consumerName, business: body.heading.businessName },
    draft: body.draft,
    text: version.text,
    textSha256: version.text_sha256,
    signatures: signatures.map((s) => ({
      party: s.party,
      signerName: s.signer_name,
      signedAt: s.signed_at,
      version: s.version,
      textSha256: s.text_sha256,
      voidedAt: s.voided_at,
    })),
    mySide: side,
    effectiveAt: row.effective_at,
    verifyUrl: verifyUrl(ctx, version.text_sha256),
    updatedAt: row.updated_at,
  }
}

export async function agreementResponse(ctx: AppContext, opened: AgreementCase): Promise<AgreementResponse> {
  const row = await findAgreementByComplaint(ctx.db, opened.complaint.id)
  const heading = await caseHeading(ctx.db, opened.complaint)
  return {
    agreement: row ? await agreementDto(ctx, row, opened.side) : null,
    canEdit: opened.canEdit && row?.status !== 'effective',
    parties: { consumer: heading.consumerName, business: heading.businessName },
  }
}
