import dayjs from 'dayjs'
import { WARNING_STATUS_LABELS } from '@/contract/warning-kinds'
import type { StaffWarning } from '../api/warning-types'

/** 草稿 / 已发布 / 定时发布（11月30日 09:00） / 已归档 */
export function publicationText(warning: Pick<StaffWarning, 'status' | 'publishedAt'>, now: Date = new Date()): string {
  if (warning.status === 'published' && warning.publishedAt && dayjs(warning.publishedAt).isAfter(now)) {
    return `定时发布（${dayjs(warning.publishedAt).format('M月D日 HH:mm')}）`
  }
  return WARNING_STATUS_LABELS[warning.status]
}

/** The picked local date (YYYY-MM-DD) and time (HH:mm) as an ISO instant. */
export function scheduledIso(date: string, time: string): string {
  return dayjs(`${date}T${time}`).toISOString()
}
