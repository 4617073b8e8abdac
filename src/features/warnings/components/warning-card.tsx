import { Text, View } from '@tarojs/components'
import { INDUSTRY_LABELS } from '@/contract/complaint-rules'
import { WARNING_KIND_LABELS } from '@/contract/warning-kinds'
import { formatDate } from '@/lib/dates'
import type { Segment, WarningSummary } from '../api/warning-types'
import { Highlighted } from './highlighted'

export function regionsText(regions: string[]): string {
  return regions.length ? regions.join('、') : '全国'
}

interface Props {
  warning: WarningSummary
  onOpen: (id: string) => void
  highlight?: { title: Segment[]; summary: Segment[] }
}

/** One warning in a list: what kind, how urgent, the title, a short summary and who issued it when. */
export function WarningCard({ warning, onOpen, highlight }: Props) {
  return (
    <View
      className={`warning-card ${warning.urgent ? 'warning-card--urgent' : ''}`}
      hoverClass='warning-card--pressed'
      role='link'
      onClick={() => onOpen(warning.id)}
    >
      <View className='warning-card__tags'>
        {warning.urgent && <Text className='warning-tag warning-tag--urgent'>紧急</Text>}
        <Text className={`warning-tag warning-tag--${warning.kind}`}>{WARNING_KIND_LABELS[warning.kind]}</Text>
        <Text className='warning-tag warning-tag--industry'>{INDUSTRY_LABELS[warning.industry]}</Text>
      </View>
      <Text className='warning-card__title'>{highlight ? <Highlighted segments={highlight.title} /> : warning.title}</Text>
      <Text className='warning-card__summary'>{highlight ? <Highlighted segments={highlight.summary} /> : warning.summary}</Text>
      <Text className='warning-card__meta'>
        {warning.issuer} · {formatDate(warning.publishedAt)} · {regionsText(warning.regions)}
      </Text>
    </View>
  )
}
