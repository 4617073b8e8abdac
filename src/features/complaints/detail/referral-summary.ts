/**
 * The text 复制 puts on the clipboard when a complaint was referred (已引导): what the consumer tells
 * the other body, so they need not write it all again. Pure.
 */
import type { ComplaintDetail } from '@/contract/complaint'
import { DEMAND_LABELS, groupedYuan } from '@/contract/complaint-rules'
import { chineseDate } from '../receipt'

type SummaryInput = Pick<ComplaintDetail, 'number' | 'business' | 'amountFen' | 'incidentDate' | 'description' | 'demands' | 'demandDetail'>

export function referralSummary(complaint: SummaryInput): string {
  const demands = complaint.demands.map((d) => DEMAND_LABELS[d] ?? d).join('、')
  const lines = [
    '【投诉情况】（经消费者协会引导）',
    `原投诉编号：${complaint.number}`,
    `被投诉商家：${complaint.business.name}`,
    ...(complaint.business.address ? [`商家地址：${complaint.business.address}`] : []),
    `发生日期：${chineseDate(complaint.incidentDate)}`,
    `涉及金额：${groupedYuan(complaint.amountFen)} 元`,
    ...(demands ? [`诉求：${demands}${complaint.demandDetail ? `（${complaint.demandDetail}）` : ''}`] : []),
    `事情经过：${complaint.description}`,
  ]
  return lines.join('\n')
}
