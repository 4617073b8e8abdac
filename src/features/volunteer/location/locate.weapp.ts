import Taro from '@tarojs/taro'
import { LOCATE_TIMEOUT_MS, LocateError, type LocationFix } from './locate-problem'


/**
 * NOTE: getLocation needs `requiredPrivateInfos: ['getLocation']` and the `scope.userLocation`
 * permission text in app.config.ts; a refusal answers "getLocation:fail auth deny".
 * https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getLocation.html
 */
export function locate(): Promise<LocationFix> {
  return new Promise((resolve, reject) => {
    Taro.getLocation({
      type: 'gcj02',
      isHighAccuracy: true,
      highAccuracyExpireTime: LOCATE_TIMEOUT_MS,
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude, accuracy: Math.round(res.accuracy ?? res.horizontalAccuracy ?? 0) }),
      fail: (res) => {
        const message = String((res as { errMsg?: string } | null)?.errMsg ?? '')
        reject(new LocateError(/auth|deny|denied|permission/i.test(message) ? 'denied' : /timeout/i.test(message) ? 'timeout' : 'unavailable'))
      },
    })
  })
}
