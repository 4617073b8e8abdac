import { Type, type Static } from '@sinclair/typebox'
import { PHONE_PATTERN } from './rules'
import { Business, DemandSchema, IndustrySchema } from './complaint'
import { DEMANDS } from './complaint-rules'

/** The court hand-off of a mediation case (issue #17): 诉前委托调解, 支持诉讼函, 司法确认 materials. */

const DATE = '^\\d{4}-\\d{2}-\\d{2}$'

/**
 * A pre-filing mediation case number as courts write it, e.g. （2021）川0104民诉前调801号 (a basic
 * court: province + 4 digits) or （2024）浙02民诉前调595号 (an intermediate court: 2 digits). Both
 * seen in published case numbers; half-width brackets are accepted and stored as full-width.
 */
export const COURT_CASE_NUMBER = /^（(19|20)\d{2}）[\u4e00-\u9fa5](\d{2}|\d{4})?民诉前调\d{1,7}号$/
export const COURT_CASE_NUMBER_EXAMPLE = '（2026）浙0106民诉前调1234号'

export function normalizeCourtCaseNumber(value: string): string {
  return value.trim().replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
}

export const CourtReferralFields = Type.Object(
  {
    courtName: Type.String({ minLength: 4, maxLength: 60, description: '委托法院，如 杭州市西湖区人民法院' }),
    courtCaseNumber: Type.String({ minLength: 8, maxLength: 40, description: `法院诉前调解案号，如 ${COURT_CASE_NUMBER_EXAMPLE}` }),
    receivedOn: Type.String({ pattern: DATE, description: '本会收到委托的日期（中国日期），不晚于今天' }),
    courtDeadline: Type.String({ pattern: DATE, description: '法院确定的调解期限（中国日期），不早于收到日期' }),
  },
  { additionalProperties: false },
)
export type CourtReferralFields = Static<typeof CourtReferralFields>

/** A court-referred dispute that was never filed with us: the consumer (by phone) and the business. */
export const NewCourtCaseRequest = Type.Object(
  {
    referral: CourtReferralFields,
    consumer: Type.Object(
      {
        phone: Type.String({ pattern: PHONE_PATTERN.source, description: '消费者手机号：没有账号时新建，消费者用这个手机号登录即可看到' }),
        name: Type.String({ minLength: 1, maxLength: 20, description: '消费者称呼' }),
      },
      { additionalProperties: false },
    ),
    business: Business,
    industry: IndustrySchema,
    incidentDate: Type.String({ pattern: DATE }),
    amountFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    description: Type.String({ description: '纠纷经过（法院委托材料中的案情）' }),
    demands: Type.Array(DemandSchema, { minItems: 1, maxItems: DEMANDS.length, uniqueItems: true }),
  },
  { additionalProperties: false },
)
export type NewCourtCaseRequest = Static<typeof NewCourtCaseRequest>

export const CourtReferral = Type.Object({
  courtName: Type.String(),
  courtCaseNumber: Type.String(),
  receivedOn: Type.String(),
  courtDeadline: Type.String({ description: '法院确定的调解期限：本案显示的期限以它为准' }),
  courtDaysLeft: Type.Integer({ description: '距法院期限还有几天（自然日，北京时间；已过为负数）' }),
  registeredAt: Type.String({ format: 'date-time' }),
})
export type CourtReferral = Static<typeof CourtReferral>

export const LitigationLetter = Type.Object({
  number: Type.String({ description: '函号' }),
  issuedAt: Type.String({ format: 'date-time' }),
  issuerName: Type.String(),
  organizationName: Type.String(),
  pdfSha256: Type.String(),
})
export type LitigationLetter = Static<typeof LitigationLetter>

export const CourtHandOff = Type.Object({
  complaintId: Type.String(),
  complaintNumber: Type.String(),
  referral: Type.Union([CourtReferral, Type.Null()]),
  letter: Type.Union([LitigationLetter, Type.Null()]),
  /** Staff: a letter can be issued now (mediation failed, none issued yet, caller may mediate). */
  canIssueLetter: Type.Boolean(),
  /** Staff: the 司法确认 materials can be exported (the agreement was signed by both). */
  canExportPacket: Type.Boolean(),
  /** Staff: a court referral can still be registered on this case. */
  canRegisterReferral: Type.Boolean(),
})
export type CourtHandOff = Static<typeof CourtHandOff>

export const NewCourtCaseResponse = Type.Object({ complaintId: Type.String(), complaintNumber: Type.String(), handOff: CourtHandOff })
export type NewCourtCaseResponse = Static<typeof NewCourtCaseResponse>

/** The timeline label of a letter and what the letter's download is called. */
export const LITIGATION_LETTER_TITLE = '支持诉讼函'
