import { Text } from '@tarojs/components'
import { FIELD_REPORT_STATUS_LABELS, type FieldReportStatus } from '@/contract/field-report-rules'

export function ReportStatus({ status }: { status: FieldReportStatus }) {
  return <Text className={`report-status report-status--${status}`}>{FIELD_REPORT_STATUS_LABELS[status]}</Text>
}
