import type { ReturnCommitment } from '@/contract/return-commitment'

/** Stores on a map; the weapp build draws one (store-map.weapp.tsx), H5 has a 地图 button on each store. */
export function StoreMap(_props: { stores: ReturnCommitment[] }) {
  return null
}
