import type { ReturnCommitment } from '@/contract/return-commitment'

/** Opens a map app at the store; Taro builds `open-map.weapp.ts` or `open-map.h5.ts`. */
export function openStoreMap(_store: ReturnCommitment): void {}
