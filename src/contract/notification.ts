/**
 * What a notification is about. The API schemas for the inbox, preferences and the live stream
 * are added beside these by the notifications capability.
 */
export const NOTIFICATION_TYPE_LABELS = {
  /** A complaint's status changed (accepted, escalated, closed …). */
  complaint_status: '投诉进度',
  /** The enterprise made a proposal: the consumer must decide. */
  proposal_received: '商家处理方案',
  /** Someone asked the consumer for more information. */
  info_requested: '请补充信息',
  /** A new message or evidence on a complaint. */
  complaint_message: '新留言',
  /** A new complaint arrived in a liaison's or staff member's queue. */
  complaint_assigned: '新投诉待处理',
  /** A step's deadline is near or passed. */
  deadline: '处理时限提醒',
  /** An urgent warning was published for the user's region. */
  warning_published: '消费警示',
  /** A volunteer application was approved, declined or revoked. */
  volunteer_status: '志愿者申请',
  /** A field report was verified, dismissed or converted. */
  field_report_status: '走访报告进度',
} as const
export type NotificationType = keyof typeof NOTIFICATION_TYPE_LABELS
export const NOTIFICATION_TYPES = Object.keys(NOTIFICATION_TYPE_LABELS) as NotificationType[]
