import type { Station } from '@/contract/station'

/** Opens a map app at the station; Taro builds `open-map.weapp.ts` or `open-map.h5.ts`. */
export function openStationMap(_station: Station): void {}
