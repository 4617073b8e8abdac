import Taro from '@tarojs/taro'
import { getSubscribeConfig, recordSubscriptions } from './api/subscriptions'

/** WeChat allows at most 3 templates per request. */
const MAX_TEMPLATES = 3

let templateIds: string[] = []
let loading: Promise<void> | null = null

export function loadSubscribeConfig(): void {
  if (templateIds.length || loading) return
  loading = getSubscribeConfig()
    .then((config) => {
      templateIds = config.templateIds.slice(0, MAX_TEMPLATES)
    })
    .catch(() => undefined)
    .finally(() => {
      loading = null
    })
}

export function requestSubscriptions(): void {
  if (!templateIds.length) return loadSubscribeConfig()
  const tmplIds = templateIds
  // NOTE: must run inside the tap, before any await, or WeChat refuses with errCode 20001/"can only be invoked by user TAP gesture"
  // (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html).
  // The typings demand alipay's entityIds too; weapp takes tmplIds only.
  const option = {
    tmplIds,
    success(result: Record<string, unknown>) {
      const accepted = tmplIds.filter((id) => result[id] === 'accept')
      if (accepted.length) void recordSubscriptions(accepted).catch(() => undefined)
    },
    // Refused or dismissed: the in-app inbox still has every notification.
    fail: () => undefined,
  }
  void Taro.requestSubscribeMessage(option as unknown as Taro.requestSubscribeMessage.Option).catch(() => undefined)
}
