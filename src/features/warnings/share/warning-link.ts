import type { WarningSummary } from '../api/warning-types'

export const WARNING_DETAIL_PAGE = '/packages/warnings/pages/detail/index'
export const WARNING_LIST_PAGE = '/packages/warnings/pages/list/index'
export const WARNING_SEARCH_PAGE = '/packages/warnings/pages/search/index'

export function warningDetailPath(id: string): string {
  return `${WARNING_DETAIL_PAGE}?id=${encodeURIComponent(id)}`
}

/** What a WeChat share card carries (onShareAppMessage / onShareTimeline). */
export function shareCard(warning: Pick<WarningSummary, 'id' | 'title' | 'coverUrl'>, absolute: (url: string) => string) {
  return {
    title: warning.title,
    path: warningDetailPath(warning.id),
    query: `id=${encodeURIComponent(warning.id)}`,
    imageUrl: warning.coverUrl ? absolute(warning.coverUrl) : undefined,
  }
}
