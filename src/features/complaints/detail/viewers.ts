import dayjs from 'dayjs'
import type { ComplaintViewer } from '@/contract/access-log'
import { ACCESS_KIND_LABELS } from '@/contract/access-log-labels'

/** One line of 谁查看过: "示例优选超市有限公司 企业联络员 · 查看了投诉及您的联系电话". */
export function viewerLine(viewer: ComplaintViewer): { who: string; what: string; when: string } {
  return {
    who: `${viewer.organization} ${viewer.roleLabel}`,
    what: ACCESS_KIND_LABELS[viewer.what] ?? '查看了投诉',
    when: dayjs(viewer.at).format('YYYY年M月D日 HH:mm'),
  }
}

/** What the section says when nobody has looked yet, or when the server sent no list (an older server). */
export function viewersEmptyText(viewers: readonly ComplaintViewer[] | undefined): string | null {
  if (viewers === undefined) return '暂时无法显示查看记录'
  return viewers.length === 0 ? '还没有消协工作人员或商家查看过这件投诉' : null
}
