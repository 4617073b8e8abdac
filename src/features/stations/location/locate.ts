import type { Position } from './position'

/**
 * Where the consumer is, in GCJ-02; Taro builds `locate.weapp.ts` (Taro.getLocation) or `locate.h5.ts`
 * (the Geolocation API, converted). This neutral file types them. Rejects with a sentence to show.
 */
export function locateGcj02(): Promise<Position> {
  return Promise.reject(new Error('这台设备不能定位'))
}
