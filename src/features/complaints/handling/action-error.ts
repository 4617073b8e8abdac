import Taro from '@tarojs/taro'
import { ApiRequestError, errorMessage } from '@/lib/http'

/**
 * After a failed workflow action: the server's Chinese message in a dialog. When the complaint has
 * moved on meanwhile (409, e.g. INVALID_TRANSITION: someone else acted first) reload it, so the
 * buttons shown match its status again.
 */
export async function reportActionError(error: unknown, reload: () => Promise<void>): Promise<void> {
  const conflict = error instanceof ApiRequestError && error.status === 409
  await Taro.showModal({ title: conflict ? '投诉状态已变化' : '没有成功', content: errorMessage(error), showCancel: false, confirmText: '知道了' })
  if (conflict) await reload()
}
