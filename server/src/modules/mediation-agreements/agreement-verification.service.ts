import { maskName, type AgreementVerification } from '../../../../src/contract/mediation-agreement'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { VersionBody } from './agreement-view'
import { findAgreementByPdfHash, findVersion, findVersionsByHash, hasSignatures } from './mediation-agreements.repository'

const answer = (status: AgreementVerification['status'], body: VersionBody): AgreementVerification => ({
  status,
  consumer: maskName(body.heading.consumerName, 'person'),
  business: maskName(body.heading.businessName, 'business'),
})

/**
 * Anyone may check a hash printed on (or taken of) an agreement PDF: the text's hash or the PDF file's
 * hash. Valid: the current version of an agreement both parties signed. Void: a version someone signed
 * and a later edit replaced. Anything else, a forged hash included, is 404: nothing to verify.
 */
export async function verifyAgreementHash(ctx: AppContext, sha256: string): Promise<AgreementVerification> {
  const byPdf = await findAgreementByPdfHash(ctx.db, sha256)
  if (byPdf) {
    const row = await ctx.db.selectFrom('mediation_agreements').select('version').where('id', '=', byPdf.id).executeTakeFirstOrThrow()
    return answer('valid', JSON.parse((await findVersion(ctx.db, byPdf.id, row.version)).body) as VersionBody)
  }
  for (const version of await findVersionsByHash(ctx.db, sha256)) {
    const body = JSON.parse(version.body) as VersionBody
    if (version.version === version.currentVersion && version.status === 'effective') return answer('valid', body)
    if (version.version !== version.currentVersion && (await hasSignatures(ctx.db, version.agreementId, version.version))) return answer('void', body)
  }
  throw new AppError(404, 'NOT_FOUND', '没有找到这份协议：请核对二维码或网址是否完整，协议可能被改动过')
}
