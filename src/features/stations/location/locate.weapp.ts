import Taro from '@tarojs/taro'
import { LOCATE_TIMEOUT_MS, type Position } from './position'

/**
 * NOTE: getLocation needs `requiredPrivateInfos: ['getLocation']` and the `scope.userLocation`
 * permission text in app.config.ts (both declared there); a refusal answers "getLocation:fail auth deny".
 * https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getLocation.html
 */
export async function locateGcj02(): Promise<Position> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02', highAccuracyExpireTime: LOCATE_TIMEOUT_MS })
    return { latitude: res.latitude, longitude: res.longitude }
  } catch (error) {
    const message = String((error as { errMsg?: string } | null)?.errMsg ?? error)
    throw new Error(/auth|deny|denied|permission|privacy/i.test(message) ? '您没有允许获取位置' : '暂时获取不到位置')
  }
}
