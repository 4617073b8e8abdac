/** Every state a complaint can be in; the transitions between them are enforced by the server. */
export const ComplaintStatus = {
  Submitted: 'submitted',
  EnterpriseHandling: 'enterprise_handling',
  EnterpriseProposed: 'enterprise_proposed',
  AwaitingReview: 'awaiting_review',
  Accepted: 'accepted',
  Mediating: 'mediating',
  Mediated: 'mediated',
  MediationFailed: 'mediation_failed',
  Resolved: 'resolved',
  Rejected: 'rejected',
  Withdrawn: 'withdrawn',
  Closed: 'closed',
  /** Sent to the body that can act (another authority); ended here, counted apart from refusals. */
  Referred: 'referred',
} as const
export type ComplaintStatus = (typeof ComplaintStatus)[keyof typeof ComplaintStatus]
export const COMPLAINT_STATUSES = Object.values(ComplaintStatus)

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: '已提交',
  enterprise_handling: '企业处理中',
  enterprise_proposed: '企业已答复',
  awaiting_review: '等待消协受理',
  accepted: '消协已受理',
  mediating: '调解中',
  mediated: '调解成功',
  mediation_failed: '调解未成功',
  resolved: '已和解',
  rejected: '不予受理',
  withdrawn: '已撤回',
  closed: '已结案',
  referred: '已引导',
}

const FINAL: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'rejected', 'withdrawn', 'closed', 'referred'])

/** Open complaints can still change: the consumer may add messages and evidence, or withdraw. */
export function isOpen(status: ComplaintStatus): boolean {
  return !FINAL.has(status)
}

export const HandlingPath = { Odr: 'odr', Association: 'association' } as const
export type HandlingPath = (typeof HandlingPath)[keyof typeof HandlingPath]
export const HANDLING_PATH_LABELS: Record<HandlingPath, string> = { odr: 'ODR 绿色通道', association: '消协调解' }

