import { COMPLAINT_STATUS_LABELS } from '../../../../src/contract/complaint-status'
import { DEMAND_LABELS, fenToYuan, INDUSTRY_LABELS, type Demand } from '../../../../src/contract/complaint-rules'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { maskPii } from './pii'

/**
 * A first anonymous summary drafted from the case's facts for staff to edit: business, month, what
 * happened (the consumer's words with personal details masked), what they asked for and how it ended.
 * Never the consumer's name, phone or address; the incident month, not the day.
 */
export function draftSummary(complaint: ComplaintRow, consumerName: string): string {
  const names = [consumerName]
  const month = complaint.incident_date.slice(0, 7).replace('-', ' 年 ').replace(/ 0?(\d+)$/, ' $1 月')
  const demands = (JSON.parse(complaint.demands) as Demand[]).map((demand) => DEMAND_LABELS[demand] ?? demand).join('、')
  const amount = Number(complaint.amount_fen) > 0 ? `，涉及金额 ${fenToYuan(Number(complaint.amount_fen))} 元` : ''
  const outcome = complaint.outcome ? maskPii(complaint.outcome, { names }) : COMPLAINT_STATUS_LABELS[complaint.status]
  const recovered = Number(complaint.recovered_amount_fen ?? 0) > 0 ? `，为消费者挽回 ${fenToYuan(Number(complaint.recovered_amount_fen))} 元` : ''
  return [
    `${month}，一位消费者在「${complaint.business_name}」（${INDUSTRY_LABELS[complaint.industry]}）消费时发生纠纷${amount}。`,
    `经过：${maskPii(complaint.description.trim(), { names })}`,
    `诉求：${demands}。`,
    `结果：${outcome}${recovered}。`,
  ].join('\n')
}
