import Taro from '@tarojs/taro'

export function onNetworkBack(back: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) back()
  }
  try {
    Taro.onNetworkStatusChange(listener)
  } catch {
    // Old base libraries and test runtimes without the API: app start and 立即上传 still send.
    return () => undefined
  }
  return () => Taro.offNetworkStatusChange?.(listener)
}

/** weapp has no synchronous answer; a failed request tells us instead. */
export function surelyOffline(): boolean {
  return false
}
