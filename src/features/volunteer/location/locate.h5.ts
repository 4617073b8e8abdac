import { LOCATE_TIMEOUT_MS, LocateError, type LocationFix } from './locate-problem'


/** The browser's own fix (WGS-84); http:// pages other than localhost get no geolocation at all. */
export function locate(): Promise<LocationFix> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return reject(new LocateError('unavailable'))
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude, accuracy: Math.round(position.coords.accuracy) }),
      (error) => reject(new LocateError(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable')),
      { enableHighAccuracy: true, timeout: LOCATE_TIMEOUT_MS, maximumAge: 60_000 },
    )
  })
}
