import Taro from '@tarojs/taro'
import type { WarningSummary } from '../api/warning-types'
import type { ShareOutcome } from './share-warning'
import { warningDetailPath } from './warning-link'

export function warningUrl(id: string): string {
  return `${window.location.origin}${warningDetailPath(id)}`
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // no clipboard permission (or an old browser): Taro's fallback selects a hidden textarea
    try {
      await Taro.setClipboardData({ data: text })
      return true
    } catch {
      return false
    }
  }
}

/** Web Share API where the phone has it (system share sheet), else the link goes to the clipboard. */
export async function shareWarning(warning: Pick<WarningSummary, 'id' | 'title' | 'summary'>): Promise<ShareOutcome> {
  const url = warningUrl(warning.id)
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: warning.title, text: warning.summary, url })
      return 'shared'
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled'
      // NotAllowedError and friends: fall back to copying
    }
  }
  return (await copy(url)) ? 'copied' : 'failed'
}
