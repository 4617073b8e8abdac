import { Text, View } from '@tarojs/components'
import { FIELD_REPORT_CATEGORY_LABELS } from '@/contract/field-report-rules'
import type { FieldReport, StaffFieldReport } from '@/contract/field-report'
import { formatDateTime } from '../format'
import { ReportStatus } from './report-status'

export function placeOf(report: FieldReport): string {
  return report.businessAddress || report.manualAddress || report.region || (report.location ? `已定位（精度约 ${Math.round(report.location.accuracy)} 米）` : '未填写地点')
}

/** One uploaded report in a list: business, category, status, place and time. */
export function ReportCard({ report, onOpen }: { report: FieldReport | StaffFieldReport; onOpen(id: string): void }) {
  return (
    <View className='card report-card' hoverClass='complaint-item--pressed' role='link' data-report-id={report.id} onClick={() => onOpen(report.id)}>
      <Text className='report-card__title'>{report.businessName}</Text>
      <ReportStatus status={report.status} />
      <Text className='report-card__line'>{FIELD_REPORT_CATEGORY_LABELS[report.category]}</Text>
      <Text className='report-card__line'>地点：{placeOf(report)}</Text>
      <Text className='report-card__line'>
        {formatDateTime(report.observedAt)} 发现 · {report.photos.length} 张照片
      </Text>
      {'volunteer' in report && <Text className='report-card__line'>志愿者：{report.volunteer.name}{report.volunteer.phone ? ` ${report.volunteer.phone}` : ''}</Text>}
    </View>
  )
}
