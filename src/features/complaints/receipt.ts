/**
 * The text copied by 复制回执 on the result screen: what a consumer may need to prove later what
 * was filed, when, and with which photos (by SHA-256, as the server received them). Pure.
 */
import { fenToYuan } from '@/contract/complaint-rules'

export interface ReceiptInput {
  number: string
  businessName: string
  /** ISO date-time of filing. */
  createdAt: string
  /** YYYY-MM-DD */
  incidentDate: string
  amountFen: number
  photos: ReadonlyArray<{ sha256: string }>
  nextStep: { text: string; dueAt: string | null } | null
}

/** 2026-11-23T06:05:00Z → 2026年11月23日 14:05 (China time, whatever the phone's zone). */
export function chinaDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

/** 2026-11-20 → 2026年11月20日 */
export function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export function receiptText(input: ReceiptInput): string {
  const lines = [
    '【维权通】投诉回执',
    `投诉编号：${input.number}`,
    `被投诉商家：${input.businessName}`,
    `提交时间：${chinaDateTime(input.createdAt)}`,
    `发生日期：${chineseDate(input.incidentDate)}`,
    `涉及金额：${fenToYuan(input.amountFen)} 元`,
    `证据照片：${input.photos.length} 张`,
    ...input.photos.map((p, i) => `  照片${i + 1} SHA-256：${p.sha256}`),
  ]
  if (input.nextStep) {
    lines.push(`下一步：${input.nextStep.text}${input.nextStep.dueAt ? `（${chinaDateTime(input.nextStep.dueAt).split(' ')[0]}前）` : ''}`)
  }
  lines.push('凭投诉编号可在“维权通”查询处理进度。')
  return lines.join('\n')
}
