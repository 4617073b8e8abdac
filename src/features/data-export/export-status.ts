import dayjs from 'dayjs'
import { DATA_EXPORT_STATUS_LABELS, formatBytes, type DataExport } from '@/contract/data-export'

/** Still in the job's hands: the page keeps asking how far it got. */
export const isInProgress = (item: DataExport | null) => item?.status === 'pending' || item?.status === 'building'

/** What the status card says about one export. */
export function describeExport(item: DataExport): { title: string; detail: string } {
  const title = DATA_EXPORT_STATUS_LABELS[item.status]
  const at = (iso: string | null) => (iso ? dayjs(iso).format('M月D日 HH:mm') : '')
  switch (item.status) {
    case 'pending':
      return { title, detail: `${at(item.requestedAt)} 申请，正在排队，一般几分钟内开始打包` }
    case 'building':
      return { title, detail: '正在把投诉、消息和照片原件打包，照片多时需要多等一会儿' }
    case 'ready':
      return {
        title,
        detail: `大小 ${formatBytes(item.bytes ?? 0)}，含 ${item.photoCount ?? 0} 张照片；${at(item.expiresAt)} 前可以下载，之后自动删除`,
      }
    case 'failed':
      return { title, detail: '打包没有成功，请重新申请；多次失败请联系消协工作人员' }
    case 'expired':
      return { title, detail: `下载期已过（${at(item.expiresAt)}），压缩包已删除；需要时可以重新申请` }
  }
}
