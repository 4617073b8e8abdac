import type { ReturnCommitment } from '@/contract/return-commitment'

/** AMap's marker page (GCJ-02, as stored); on a phone it offers 导航 and opens the AMap app when installed. */
export function openStoreMap(store: ReturnCommitment): void {
  if (store.latitude === null || store.longitude === null) return
  const url = `https://uri.amap.com/marker?position=${store.longitude},${store.latitude}&name=${encodeURIComponent(store.storeName)}&src=weiquan&coordinate=gaode&callnative=1`
  window.open(url, '_blank', 'noopener')
}
