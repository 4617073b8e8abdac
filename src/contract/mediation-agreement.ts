import { Type, type Static } from '@sinclair/typebox'

/** The mediation agreement (调解协议书, issue #17): drafted by the mediator, signed by both parties with SMS codes. */

const DATE = '^\\d{4}-\\d{2}-\\d{2}$'
export const SHA256_PATTERN = '^[0-9a-f]{64}$'

export const AgreementTerms = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: '商家支付给消费者的金额（分）；不涉及金钱填 0' }),
    remedy: Type.String({ maxLength: 500, description: '退货、换货、维修等（可空）' }),
    dueDate: Type.String({ pattern: DATE, description: '履行期限（中国日期）：履行回访从这一天起算' }),
    method: Type.String({ minLength: 2, maxLength: 200, description: '履行方式，如 原路退回、微信转账、上门维修' }),
  },
  { additionalProperties: false },
)
export type AgreementTerms = Static<typeof AgreementTerms>

export const AgreementDraft = Type.Object(
  {
    facts: Type.String({ minLength: 10, maxLength: 2000, description: '争议事实' }),
    terms: AgreementTerms,
    otherTerms: Type.String({ maxLength: 1000, description: '其他约定（可空）' }),
  },
  { additionalProperties: false },
)
export type AgreementDraft = Static<typeof AgreementDraft>

/** An edit names the version it was made on: an edit of a text that changed meanwhile is refused. */
export const AgreementEditRequest = Type.Object(
  { baseVersion: Type.Integer({ minimum: 1, maximum: 10_000 }), draft: AgreementDraft },
  { additionalProperties: false },
)
export type AgreementEditRequest = Static<typeof AgreementEditRequest>

export const AgreementParty = Type.Union([Type.Literal('consumer'), Type.Literal('business')])
export type AgreementParty = Static<typeof AgreementParty>

export const AgreementSignature = Type.Object({
  party: AgreementParty,
  signerName: Type.String(),
  signedAt: Type.String(),
  version: Type.Integer(),
  textSha256: Type.String(),
  /** Present when a later edit voided it. */
  voidedAt: Type.Union([Type.String(), Type.Null()]),
})
export type AgreementSignature = Static<typeof AgreementSignature>

export const Agreement = Type.Object({
  id: Type.String(),
  complaintId: Type.String(),
  complaintNumber: Type.String(),
  version: Type.Integer(),
  status: Type.Union([Type.Literal('open'), Type.Literal('effective')]),
  parties: Type.Object({ consumer: Type.String(), business: Type.String() }),
  draft: AgreementDraft,
  /** The full text both parties sign, and its SHA-256 (hex): the signer sends back the hash they were shown. */
  text: Type.String(),
  textSha256: Type.String(),
  /** Signatures on the current version first, then voided ones (newest first). */
  signatures: Type.Array(AgreementSignature),
  /** The caller's side, when the caller is a party. */
  mySide: Type.Union([AgreementParty, Type.Null()]),
  effectiveAt: Type.Union([Type.String(), Type.Null()]),
  /** The public page that checks a PDF or hash against this record. */
  verifyUrl: Type.String(),
  updatedAt: Type.String(),
})
export type Agreement = Static<typeof Agreement>

export const AgreementResponse = Type.Object({
  agreement: Type.Union([Agreement, Type.Null()]),
  /** Whether the caller may draft or edit it (a mediator of the organization holding the case). */
  canEdit: Type.Boolean(),
  parties: Type.Object({ consumer: Type.String(), business: Type.String() }),
})
export type AgreementResponse = Static<typeof AgreementResponse>

export const SigningCodeRequest = Type.Object({ textSha256: Type.String({ pattern: SHA256_PATTERN }) }, { additionalProperties: false })
export type SigningCodeRequest = Static<typeof SigningCodeRequest>

export const SigningCodeResponse = Type.Object({
  sent: Type.Literal(true),
  /** The caller's own phone, masked (138****0001): the code goes only there. */
  phone: Type.String(),
  resendAfterSeconds: Type.Integer(),
})
export type SigningCodeResponse = Static<typeof SigningCodeResponse>

export const SignRequest = Type.Object(
  { textSha256: Type.String({ pattern: SHA256_PATTERN }), code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
)
export type SignRequest = Static<typeof SignRequest>

/** What anyone may learn from a hash: valid or void, and the parties' masked names. Nothing more. */
export const AgreementVerification = Type.Object({
  status: Type.Union([Type.Literal('valid'), Type.Literal('void')]),
  consumer: Type.String(),
  business: Type.String(),
})
export type AgreementVerification = Static<typeof AgreementVerification>

export const AGREEMENT_STATUS_TEXT = { valid: '有效', void: '已作废' } as const

/** 王秀英 → 王**；示例优选超市有限公司 → 示例******公司 */
export function maskName(name: string, kind: 'person' | 'business'): string {
  const chars = [...name]
  if (kind === 'person') return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1)
  if (chars.length <= 4) return chars[0] + '*'.repeat(chars.length - 1)
  return chars.slice(0, 2).join('') + '*'.repeat(chars.length - 4) + chars.slice(-2).join('')
}

/** What a party sees at the top of the signing page. */
export function signingState(agreement: Pick<Agreement, 'status' | 'mySide' | 'signatures' | 'version'>): 'effective' | 'mine' | 'theirs' | 'both' | 'none' {
  if (agreement.status === 'effective') return 'effective'
  const current = agreement.signatures.filter((s) => s.version === agreement.version && !s.voidedAt)
  const mine = current.some((s) => s.party === agreement.mySide)
  const theirs = current.some((s) => s.party !== agreement.mySide)
  if (mine && theirs) return 'both'
  if (mine) return 'mine'
  if (theirs) return 'theirs'
  return 'none'
}
