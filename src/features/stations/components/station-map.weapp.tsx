import { Map } from '@tarojs/components'
import type { Station } from '@/contract/station'
import type { Position } from '../location/position'
import { openStationMap } from '../location/open-map'

/**
 * WeChat's map with a marker per station (GCJ-02, as the Map component expects) and the caller's own
 * dot; tapping a marker opens WeChat's map page with its route (导航) button.
 */
export function StationMap({ stations, here }: { stations: Station[]; here: Position | null }) {
  const located = stations.filter((s) => s.latitude !== null && s.longitude !== null)
  if (located.length === 0) return null
  const centre = here ?? { latitude: located[0]!.latitude!, longitude: located[0]!.longitude! }
  const markers = located.map((s, index) => ({
    id: index,
    latitude: s.latitude!,
    longitude: s.longitude!,
    title: s.name,
    callout: { content: s.name, display: 'ALWAYS' as const, fontSize: 14, padding: 6, borderRadius: 6, color: '#1f1f1f', bgColor: '#ffffff', textAlign: 'center' as const },
  }))
  const points = [...(here ? [here] : []), ...located.slice(0, 3).map((s) => ({ latitude: s.latitude!, longitude: s.longitude! }))]
  return (
    <Map
      className='station-map'
      latitude={centre.latitude}
      longitude={centre.longitude}
      scale={13}
      showLocation={here !== null}
      markers={markers as never}
      includePoints={points}
      onMarkerTap={(e) => {
        const station = located[Number((e.detail as { markerId?: number }).markerId)]
        if (station) openStationMap(station)
      }}
      onError={() => undefined}
    />
  )
}
