import { createHash } from 'node:crypto'
import type { AgreementDraft } from '../../../../src/contract/mediation-agreement'

export interface AgreementHeading {
  complaintNumber: string
  consumerName: string
  businessName: string
  businessCreditCode: string | null
  organizationName: string
}

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))} 年 ${Number(iso.slice(5, 7))} 月 ${Number(iso.slice(8, 10))} 日`

/**
 * The one text both parties read and sign, and that the PDF prints: the hash is taken over exactly
 * this string, so it is built here and nowhere else.
 */
export function agreementText(heading: AgreementHeading, draft: AgreementDraft): string {
  const { terms } = draft
  const by = chineseDate(terms.dueDate)
  const duties = [
    terms.amountFen > 0 ? `被申请人于 ${by}前向申请人支付人民币 ${yuan(terms.amountFen)} 元。` : null,
    terms.remedy.trim() ? `被申请人于 ${by}前${terms.remedy.trim()}` : null,
    `履行方式：${terms.method.trim()}`,
    draft.otherTerms.trim() ? `其他约定：${draft.otherTerms.trim()}` : null,
  ].filter((line): line is string => line !== null)
  const business = heading.businessCreditCode ? `${heading.businessName}（统一社会信用代码：${heading.businessCreditCode}）` : heading.businessName
  return [
    '调解协议书',
    `案件编号：${heading.complaintNumber}`,
    `申请人（消费者）：${heading.consumerName}`,
    `被申请人（经营者）：${business}`,
    `调解组织：${heading.organizationName}`,
    '一、争议事实',
    draft.facts.trim(),
    '二、协议内容',
    `经${heading.organizationName}主持调解，双方自愿达成如下协议：`,
    ...duties.map((line, i) => `${i + 1}. ${line}`),
    '三、其他',
    '本协议经双方当事人在线签署（短信验证码确认）后生效，双方各自留存电子版。',
  ].join('\n')
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
