import type { WarningSummary } from '../api/warning-types'
import type { ShareOutcome } from './share-warning'

/** NOTE: on weapp the button has open-type="share"; WeChat opens its own sheet and calls onShareAppMessage. */
export function shareWarning(_warning: Pick<WarningSummary, 'id' | 'title' | 'summary'>): Promise<ShareOutcome> {
  return Promise.resolve('shared')
}
