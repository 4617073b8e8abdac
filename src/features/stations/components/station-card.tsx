import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { distanceText, STATION_HOST_KIND_LABELS, STATION_SERVICE_LABELS, type Station } from '@/contract/station'
import { openStationMap } from '../location/open-map'

/** One station as a consumer needs it: where, how far, when open, what it does; call and navigate buttons. */
export function StationCard({ station }: { station: Station }) {
  const located = station.latitude !== null && station.longitude !== null
  return (
    <View className='card station' aria-label={station.name}>
      <View className='station__head'>
        <Text className='station__name'>{station.name}</Text>
        {station.distanceMeters !== null && <Text className='station__distance'>{distanceText(station.distanceMeters)}</Text>}
      </View>
      <Text className='station__line'>
        {STATION_HOST_KIND_LABELS[station.hostKind]}
        {station.hostName ? `：${station.hostName}` : ''}
      </Text>
      {station.address && <Text className='station__line'>地址：{station.address}</Text>}
      <Text className='station__line'>开放时间：{station.openingHours}</Text>
      {station.phone && <Text className='station__line'>电话：{station.phone}</Text>}
      <View className='station__services' aria-label='可以办理'>
        {station.services.map((service) => (
          <Text key={service} className='station__service'>
            {STATION_SERVICE_LABELS[service]}
          </Text>
        ))}
      </View>
      <Text className='station__org muted'>{station.organizationName}</Text>
      <View className='station__actions'>
        {station.phone && (
          <Button className='btn btn-secondary station__action' aria-label={`打电话 ${station.phone}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: station.phone! }).catch(() => undefined)}>
            打电话
          </Button>
        )}
        {located && (
          <Button className='btn btn-plain station__action' onClick={() => openStationMap(station)}>
            导航
          </Button>
        )}
      </View>
    </View>
  )
}
