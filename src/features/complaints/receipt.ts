/**
 * The text copied by 复制回执 on the result screen: what a consumer may need to prove later what
 * was filed, when, and with which photos. Each photo has two SHA-256: of the file as picked (it
 * matches the photo still in the phone's gallery) and of the compressed copy the server received.
 * Pure.
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
  photos: ReadonlyArray<ReceiptPhoto>
  nextStep: { text: string; dueAt: string | null } | null
}

export interface ReceiptPhoto {
  /** Of the bytes the server received. */
  sha256: string
  /** Of the file as picked, computed on the phone before compressing; null from older app versions. */
  originalSha256?: string | null
  capturedAt?: string | null
}

/** The receipt lines of one photo (1-based `number`), shown on the result screen and copied. */
export function photoReceiptLines(photo: ReceiptPhoto, number: number): string[] {
  const lines: string[] = []
  if (!photo.originalSha256) lines.push(`照片${number} SHA-256：${photo.sha256}`)
  else if (photo.originalSha256 === photo.sha256) lines.push(`照片${number} 原图 SHA-256（原图上传，与相册中的照片相同）：${photo.sha256}`)
  else {
    lines.push(`照片${number} 原图 SHA-256（与相册中的照片对应）：${photo.originalSha256}`)
    lines.push(`照片${number} 上传件 SHA-256（压缩后上传的文件）：${photo.sha256}`)
  }
  if (photo.capturedAt) lines.push(`照片${number} 拍摄时间：${chinaDateTime(photo.capturedAt)}`)
  return lines
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
    ...input.photos.flatMap((p, i) => photoReceiptLines(p, i + 1).map((line) => `  ${line}`)),
  ]
  if (input.nextStep) {
    lines.push(`下一步：${input.nextStep.text}${input.nextStep.dueAt ? `（${chinaDateTime(input.nextStep.dueAt).split(' ')[0]}前）` : ''}`)
  }
  lines.push('凭投诉编号可在“维权通”查询处理进度。')
  return lines.join('\n')
}
