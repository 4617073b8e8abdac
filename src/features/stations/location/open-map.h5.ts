import type { Station } from '@/contract/station'

/** AMap's marker page (GCJ-02, like the stations); on a phone it offers 导航 and opens the AMap app when installed. */
export function openStationMap(station: Station): void {
  if (station.latitude === null || station.longitude === null) return
  const url = `https://uri.amap.com/marker?position=${station.longitude},${station.latitude}&name=${encodeURIComponent(station.name)}&src=weiquan&coordinate=gaode&callnative=1`
  window.open(url, '_blank', 'noopener')
}
