import Taro from '@tarojs/taro'

const PREFIX = 'weiquan-warnings:'

export function readCached<T>(key: string): Promise<T | undefined> {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key)
    return Promise.resolve(typeof raw === 'string' && raw ? (JSON.parse(raw) as T) : undefined)
  } catch {
    return Promise.resolve(undefined)
  }
}

export function writeCached(key: string, value: unknown): Promise<void> {
  try {
    Taro.setStorageSync(PREFIX + key, JSON.stringify(value))
  } catch {
    // storage full (10 MB per mini-program): reading online still works
  }
  return Promise.resolve()
}

export function removeCached(key: string): Promise<void> {
  try {
    Taro.removeStorageSync(PREFIX + key)
  } catch {
    // already gone
  }
  return Promise.resolve()
}
