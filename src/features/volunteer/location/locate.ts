/**
 * Where the volunteer stands; Taro builds `locate.weapp.ts` (Taro.getLocation, gcj02) or `locate.h5.ts`
 * (the Geolocation API). This neutral file types them.
 */
import { LocateError, type LocationFix } from './locate-problem'

export function locate(): Promise<LocationFix> {
  return Promise.reject(new LocateError('unavailable'))
}
