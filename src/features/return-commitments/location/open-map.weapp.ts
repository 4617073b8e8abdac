import Taro from '@tarojs/taro'
import type { ReturnCommitment } from '@/contract/return-commitment'

/** WeChat's own map page, with its route button (openLocation takes GCJ-02, as stored). */
export function openStoreMap(store: ReturnCommitment): void {
  if (store.latitude === null || store.longitude === null) return
  void Taro.openLocation({ latitude: store.latitude, longitude: store.longitude, name: store.storeName, address: store.storeAddress, scale: 17 }).catch(() => undefined)
}
