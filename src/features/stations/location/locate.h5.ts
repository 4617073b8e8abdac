import { wgs84ToGcj02 } from './gcj02'
import { LOCATE_TIMEOUT_MS, type Position } from './position'

/** The browser's fix (WGS-84) moved to GCJ-02; http:// pages other than localhost get none. */
export function locateGcj02(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return reject(new Error('这个浏览器不能定位'))
    navigator.geolocation.getCurrentPosition(
      (p) => resolve(wgs84ToGcj02(p.coords.latitude, p.coords.longitude)),
      (error) => reject(new Error(error.code === error.PERMISSION_DENIED ? '您没有允许获取位置' : '暂时获取不到位置')),
      { enableHighAccuracy: false, timeout: LOCATE_TIMEOUT_MS, maximumAge: 300_000 },
    )
  })
}
