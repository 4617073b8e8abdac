import { Map } from '@tarojs/components'
import type { ReturnCommitment } from '@/contract/return-commitment'
import { openStoreMap } from '../location/open-map'

/** WeChat's map with a marker per committed store (GCJ-02); tapping one opens WeChat's map page with 导航. */
export function StoreMap({ stores }: { stores: ReturnCommitment[] }) {
  const located = stores.filter((s) => s.latitude !== null && s.longitude !== null)
  if (located.length === 0) return null
  const markers = located.map((s, index) => ({
    id: index,
    latitude: s.latitude!,
    longitude: s.longitude!,
    title: s.storeName,
    callout: { content: s.storeName, display: 'ALWAYS' as const, fontSize: 14, padding: 6, borderRadius: 6, color: '#1f1f1f', bgColor: '#ffffff', textAlign: 'center' as const },
  }))
  return (
    <Map
      className='rc-map'
      latitude={located[0]!.latitude!}
      longitude={located[0]!.longitude!}
      scale={12}
      markers={markers as never}
      includePoints={located.slice(0, 20).map((s) => ({ latitude: s.latitude!, longitude: s.longitude! }))}
      onMarkerTap={(e) => {
        const store = located[Number((e.detail as { markerId?: number }).markerId)]
        if (store) openStoreMap(store)
      }}
      onError={() => undefined}
    />
  )
}
