import type { Station } from '@/contract/station'
import type { Position } from '../location/position'

/** Stations on a map; the weapp build draws one (station-map.weapp.tsx), H5 shows the list only. */
export function StationMap(_props: { stations: Station[]; here: Position | null }) {
  return null
}
