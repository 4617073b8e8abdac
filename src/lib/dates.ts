import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

export function configureDayjs() {
  dayjs.locale('zh-cn')
}

/** 2026-11-23T08:00:00Z → 2026年11月23日 */
export function formatDate(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日')
}
