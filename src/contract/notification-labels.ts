/**
 * What a notification is about and the channels it travels on, as a plain constants file: the app
 * imports these at run time, while notification.ts (TypeBox schemas) may only give it types.
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
  /** Someone spoke in the mediation room while the recipient was away. */
  mediation_message: '调解室留言',
  /** A mediation session was proposed, confirmed, moved, or is about to start. */
  mediation_session: '调解时间安排',
  /** A settlement fell due: did the money or goods arrive (履行回访), and what came of the answer. */
  performance_check: '履行回访',
  /** The account's deletion (注销) was requested or cancelled. */
  account_status: '账号与安全',
  /** A lawyer answered the recipient's question (律师答疑). */
  qa_answered: '律师答疑',
  /** The association proposes to publish a case about the recipient's enterprise; it may reply (个案公示). */
  case_publication: '个案公示',
  /** A bad-faith finding about the recipient's enterprise was proposed or decided (失信认定). */
  credit_finding: '失信认定',
} as const
export type NotificationType = keyof typeof NOTIFICATION_TYPE_LABELS
export const NOTIFICATION_TYPES = Object.keys(NOTIFICATION_TYPE_LABELS) as NotificationType[]

/** Where a notification can reach its recipient. The inbox is always on. */
export const NOTIFICATION_CHANNELS = ['inbox', 'wechat', 'sms'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]
export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  inbox: '消息中心',
  wechat: '微信服务通知',
  sms: '短信',
}
