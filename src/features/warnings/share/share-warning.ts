import type { WarningSummary } from '../api/warning-types'

/**
 * Sharing a warning from its page. Taro builds `share-warning.weapp.ts` (a share Button with
 * open-type="share" does the work, this does nothing) or `share-warning.h5.ts` (Web Share API, else
 * copy the link). Resolves to what happened so the page can tell the user.
 */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed'

export function shareWarning(_warning: Pick<WarningSummary, 'id' | 'title' | 'summary'>): Promise<ShareOutcome> {
  return Promise.resolve('failed')
}
