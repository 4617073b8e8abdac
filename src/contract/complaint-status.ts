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

export const COMPLAINT_EVENT_LABELS = {
  submitted: '提交投诉',
  message: '补充说明',
  evidence_added: '补充证据',
  withdrawn: '撤回投诉',
  status_changed: '状态变更',
  // One per workflow action (complaint-workflow.ts); withdraw records 'withdrawn'.
  propose: '商家提出处理方案',
  request_info: '商家请您补充信息',
  mark_settled: '商家确认已和解',
  accept_proposal: '接受商家方案',
  reject_proposal: '不接受商家方案，转消协处理',
  escalate: '商家超期未答复，转消协处理',
  accept: '消协受理',
  reject: '消协不予受理',
  refer: '引导至其他部门',
  start_mediation: '开始调解',
  mediation_succeeded: '调解成功',
  mediation_failed: '调解未成功',
  close: '结案',
  assign: '指派承办人',
  note: '调解记录',
  rate: '评价',
  overdue: '处理超期',
} as const
export type ComplaintEventType = keyof typeof COMPLAINT_EVENT_LABELS
