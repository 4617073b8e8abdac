import { chinaDateTime } from '../../china-time'
import type { NotificationType } from '../../../../src/contract/notification'

/**
 * The data of our subscribe template (投诉进度提醒), whose keywords must be, in this order:
 * character_string1 编号, thing2 事项, phrase3 状态, thing4 说明, time5 时间.
 * Values obey WeChat's rules, or the send fails with 47003:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export const SUBSCRIBE_FIELDS = { number: 'character_string1', title: 'thing2', state: 'phrase3', body: 'thing4', time: 'time5' } as const

/** ≤ 5 Chinese characters each (phrase). */
const PHRASES: Record<NotificationType, string> = {
  complaint_status: '进度更新',
  proposal_received: '商家答复',
  info_requested: '待补充',
  complaint_message: '新留言',
  complaint_assigned: '待处理',
  deadline: '时限提醒',
  warning_published: '消费警示',
  volunteer_status: '申请结果',
  field_report_status: '报告进度',
  account_status: '账号安全',
  mediation_message: '调解留言',
  mediation_session: '调解提醒',
  performance_check: '履行回访',
  qa_answered: '律师已答',
  case_publication: '个案公示',
  credit_finding: '失信认定',
}

/** thing: ≤ 20 characters of any kind; longer text is cut with an ellipsis. */
export function thing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  if (chars.length === 0) return '-'
  return chars.length <= 20 ? chars.join('') : chars.slice(0, 19).join('') + '…'
}

/** character_string: ≤ 32 letters, digits and symbols (no Chinese). */
export function characterString(text: string): string {
  const kept = text.replace(/[^\x21-\x7e]/g, '').slice(0, 32)
  return kept || '-'
}

/** phrase: ≤ 5 Chinese characters, nothing else. */
export function phrase(text: string): string {
  return [...text.replace(/[^\u4e00-\u9fff]/g, '')].slice(0, 5).join('') || '通知'
}

/** time: `YYYY年MM月DD日 HH:mm`, Beijing time. */
export function wechatTime(iso: string): string {
  const [year, month, day, clock] = chinaDateTime(iso).split(/[- ]/)
  return `${year}年${month}月${day}日 ${clock}`
}

export function subscribeData(input: {
  type: NotificationType
  complaintNumber: string | null
  title: string
  body: string
  createdAt: string
}): Record<string, string> {
  return {
    [SUBSCRIBE_FIELDS.number]: characterString(input.complaintNumber ?? '-'),
    [SUBSCRIBE_FIELDS.title]: thing(input.title),
    [SUBSCRIBE_FIELDS.state]: phrase(PHRASES[input.type]),
    [SUBSCRIBE_FIELDS.body]: thing(input.body),
    [SUBSCRIBE_FIELDS.time]: wechatTime(input.createdAt),
  }
}

/** WeChat wants `packages/x/pages/y/index?id=…` (no leading slash). */
export function subscribePage(link: string | null): string {
  return (link ?? 'pages/messages/index').replace(/^\/+/, '')
}
