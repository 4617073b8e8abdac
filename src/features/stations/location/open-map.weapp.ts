import Taro from '@tarojs/taro'
import type { Station } from '@/contract/station'

/** WeChat's own map page, with its route button (openLocation takes GCJ-02, as stored). */
export function openStationMap(station: Station): void {
  if (station.latitude === null || station.longitude === null) return
  void Taro.openLocation({ latitude: station.latitude, longitude: station.longitude, name: station.name, address: station.address ?? '', scale: 17 }).catch(() => undefined)
}
