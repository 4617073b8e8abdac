/**
 * The notification labels as a plain constants file: notification.ts holds TypeBox schemas, whose
 * runtime the app must not bundle (see the ESLint note), so the app reads labels from here.
 * Kept equal to notification.ts by src/contract/__tests__/notification-labels.test.ts.
 */
import type { NotificationChannel, NotificationType } from './notification'

export const NOTIFICATION_LABELS: Record<NotificationType, string> = {
  complaint_status: '投诉进度',
  proposal_received: '商家处理方案',
  info_requested: '请补充信息',
  complaint_message: '新留言',
  complaint_assigned: '新投诉待处理',
  deadline: '处理时限提醒',
  warning_published: '消费警示',
  volunteer_status: '志愿者申请',
  field_report_status: '走访报告进度',
}

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  inbox: '消息中心',
  wechat: '微信服务通知',
  sms: '短信',
}
