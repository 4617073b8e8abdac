import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FieldReport, StaffFieldReport } from '@/contract/field-report'
import { FIELD_REPORT_CATEGORY_LABELS } from '@/contract/field-report-rules'
import { absoluteUrl } from '@/lib/api-base'
import { formatDateTime } from '../format'
import { placeOf } from './report-card'
import { ReportStatus } from './report-status'

const OUTCOME: Partial<Record<FieldReport['status'], string>> = {
  converted_complaint: '消协已据此立案投诉，感谢您的走访',
  converted_warning: '消协已据此起草消费警示',
  verified: '消协已核实这份报告',
  dismissed: '消协未采纳这份报告',
}

/** What a report says, for its volunteer and for staff (staff also see who filed it and the exact spot). */
export function ReportDetail({ report }: { report: FieldReport | StaffFieldReport }) {
  const displays = report.photos.map((p) => absoluteUrl(p.displayUrl))
  return (
    <View>
      <View className='card'>
        <Text className='report-card__title'>{report.businessName}</Text>
        <ReportStatus status={report.status} />
        {OUTCOME[report.status] && <Text className='report-card__line'>{OUTCOME[report.status]}</Text>}
        {report.reviewNote && <Text className='report-card__line'>消协意见：{report.reviewNote}</Text>}
      </View>
      <View className='card'>
        <Text className='report-card__line'>类别：{FIELD_REPORT_CATEGORY_LABELS[report.category]}</Text>
        <Text className='report-card__line'>地点：{placeOf(report)}</Text>
        {report.location && (
          <Text className='report-card__line'>
            坐标：{report.location.latitude.toFixed(5)}, {report.location.longitude.toFixed(5)}（精度约 {Math.round(report.location.accuracy)} 米）
          </Text>
        )}
        {report.region && <Text className='report-card__line'>地区：{report.region}</Text>}
        <Text className='report-card__line'>发现时间：{formatDateTime(report.observedAt)}</Text>
        <Text className='report-card__line'>上传时间：{formatDateTime(report.createdAt)}</Text>
        {'volunteer' in report && (
          <Text className='report-card__line'>
            志愿者：{report.volunteer.name} {report.volunteer.phone ?? ''}
          </Text>
        )}
      </View>
      {report.notes && (
        <View className='card'>
          <Text className='field-label'>说明</Text>
          <Text>{report.notes}</Text>
        </View>
      )}
      {report.photos.length > 0 && (
        <View className='card'>
          <Text className='field-label'>现场照片（{report.photos.length} 张）</Text>
          <View className='detail-photos'>
            {report.photos.map((photo, index) => (
              <Image
                key={photo.evidenceId}
                className='detail-photo'
                src={absoluteUrl(photo.thumbnailUrl)}
                mode='aspectFill'
                nativeProps={{ alt: `现场照片 ${index + 1}，点按查看大图` }}
                onClick={() => void Taro.previewImage({ urls: displays, current: displays[index] })}
              />
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
