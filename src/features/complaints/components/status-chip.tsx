import './complaint-list.css'
import { Text } from '@tarojs/components'
import { COMPLAINT_STATUS_LABELS, isOpen, type ComplaintStatus } from '@/contract/complaint-status'

const GOOD: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'mediated'])

/** The status in words, coloured: in progress (blue), settled (green), ended otherwise (grey). */
export function StatusChip({ status }: { status: ComplaintStatus }) {
  const tone = GOOD.has(status) ? 'good' : isOpen(status) ? 'open' : 'ended'
  return <Text className={`status-chip status-chip--${tone}`}>{COMPLAINT_STATUS_LABELS[status] ?? status}</Text>
}
