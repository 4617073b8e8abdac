import Taro from '@tarojs/taro'

export function onNetworkBack(back: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) back()
  }
  Taro.onNetworkStatusChange(listener)
  return () => Taro.offNetworkStatusChange?.(listener)
}

/** weapp has no synchronous answer; a failed request tells us instead. */
export function surelyOffline(): boolean {
  return false
}
