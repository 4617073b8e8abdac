import { Text, View } from '@tarojs/components'
import type { ComplaintDetail } from '@/contract/complaint'
import { DEMAND_LABELS, fenToYuan, INDUSTRY_LABELS } from '@/contract/complaint-rules'
import { absoluteUrl } from '@/lib/api-base'
import { PhotoThumbs } from '../filing/photo-thumbs'
import { chineseDate } from '../receipt'
import { actorLabel, eventTitle, when, type Viewer } from './describe'

export function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='review__row'>
      <Text className='review__label'>{label}</Text>
      <Text className='review__value'>{value}</Text>
    </View>
  )
}

/**
 * What was complained about, the photos and the timeline: the same for the consumer, the enterprise
 * and the association, except that the timeline says 您 to the consumer only. `showPhone` for the handlers
 * (an enterprise gets the number masked by the server unless the case is open with it).
 */
export function ComplaintSections({ complaint, viewer, showPhone = false }: { complaint: ComplaintDetail; viewer: Viewer; showPhone?: boolean }) {
  const events = [...complaint.events].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
  return (
    <>
      <View className='card'>
        <Text className='section-title'>投诉内容</Text>
        <Row label='发生日期' value={chineseDate(complaint.incidentDate)} />
        <Row label='涉及金额' value={`${fenToYuan(complaint.amountFen)} 元`} />
        <Row label='行业' value={INDUSTRY_LABELS[complaint.industry] ?? complaint.industry} />
        <Row label='诉求' value={complaint.demands.map((d) => DEMAND_LABELS[d]).join('、')} />
        {complaint.demandDetail && <Row label='诉求说明' value={complaint.demandDetail} />}
        {(complaint.business.region || complaint.business.address) && (
          <Row label='商家地址' value={[complaint.business.region, complaint.business.address].filter(Boolean).join(' ')} />
        )}
        {complaint.consumerPseudonym ? (
          <Row label='消费者' value={`${complaint.consumerPseudonym}（已注销账号）`} />
        ) : (
          showPhone && <Row label='消费者电话' value={complaint.contactPhone} />
        )}
        <Text className='review__text'>{complaint.description}</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>证据照片（{complaint.evidence.length} 张）</Text>
        {complaint.evidence.length ? (
          <PhotoThumbs urls={complaint.evidence.map((e) => absoluteUrl(e.thumbnailUrl))} previewUrls={complaint.evidence.map((e) => absoluteUrl(e.displayUrl))} />
        ) : (
          <Text className='muted'>没有照片</Text>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>处理进度</Text>
        <View className='timeline'>
          {events.map((event) => (
            <View key={event.id} className='timeline__item'>
              <View className='timeline__dot' />
              <View className='timeline__body'>
                <Text className='timeline__title'>
                  {event.type === 'lawyer_opinion' ? '律师' : actorLabel(event.actorRole, viewer)} · {eventTitle(event)}
                </Text>
                <Text className='timeline__when'>{when(event.createdAt)}</Text>
                {event.note && <Text className='timeline__note'>{event.note}</Text>}
                {/* The photos filed with the complaint are shown above already. */}
                {event.type !== 'submitted' && event.evidence.length > 0 && (
                  <PhotoThumbs urls={event.evidence.map((e) => absoluteUrl(e.thumbnailUrl))} previewUrls={event.evidence.map((e) => absoluteUrl(e.displayUrl))} />
                )}
              </View>
            </View>
          ))}
        </View>
      </View>
    </>
  )
}
