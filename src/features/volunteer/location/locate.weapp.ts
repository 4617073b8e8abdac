import Taro from '@tarojs/taro'
import { privacyRefusal } from '@/lib/privacy-errors'
import { LOCATE_TIMEOUT_MS, LocateError, type LocationFix } from './locate-problem'

/**
 * NOTE: getLocation needs `requiredPrivateInfos: ['getLocation']` and the `scope.userLocation`
 * permission text in app.config.ts; a refusal answers "getLocation:fail auth deny".
 * https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getLocation.html
 */
export async function locate(): Promise<LocationFix> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: LOCATE_TIMEOUT_MS })
    return { latitude: res.latitude, longitude: res.longitude, accuracy: Math.round(res.accuracy ?? res.horizontalAccuracy ?? 0) }
  } catch (error) {
    if (privacyRefusal(error)) throw new LocateError('privacy')
    const message = String((error as { errMsg?: string } | null)?.errMsg ?? error)
    throw new LocateError(/auth|deny|denied|permission/i.test(message) ? 'denied' : /timeout/i.test(message) ? 'timeout' : 'unavailable')
  }
}
