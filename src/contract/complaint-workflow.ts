import type { ComplaintStatus } from './complaint-status'
import type { Role } from './roles'

/**
 * The complaint handling workflow, defined once: which action moves a complaint from which
 * statuses to which, and who may take it. The server enforces it; the app reads it to offer
 * only the buttons that will work. Pure data, no TypeBox (the request schemas are in
 * complaint-actions.ts).
 */
export const WorkflowAction = {
  // ODR green channel: the enterprise answers first.
  Propose: 'propose',
  RequestInfo: 'request_info',
  MarkSettled: 'mark_settled',
  AcceptProposal: 'accept_proposal',
  RejectProposal: 'reject_proposal',
  Escalate: 'escalate',
  // The consumer association.
  Accept: 'accept',
  Reject: 'reject',
  Refer: 'refer',
  StartMediation: 'start_mediation',
  MediationSucceeded: 'mediation_succeeded',
  MediationFailed: 'mediation_failed',
  Close: 'close',
  Assign: 'assign',
  Note: 'note',
  PauseClock: 'pause_clock',
  ResumeClock: 'resume_clock',
  // The consumer, at any time or at the end.
  Withdraw: 'withdraw',
  Rate: 'rate',
} as const
export type WorkflowAction = (typeof WorkflowAction)[keyof typeof WorkflowAction]

export type WorkflowActor = Role | 'system'

export interface WorkflowRule {
  from: readonly ComplaintStatus[]
  /** The status afterwards; null when the action only records an event. */
  to: ComplaintStatus | null
  roles: readonly WorkflowActor[]
  label: string
}

const OPEN: readonly ComplaintStatus[] = [
  'submitted',
  'enterprise_handling',
  'enterprise_proposed',
  'awaiting_review',
  'accepted',
  'mediating',
  'mediated',
  'mediation_failed',
]
/** Statuses in which the association has the complaint. */
export const ASSOCIATION_STATUSES: readonly ComplaintStatus[] = ['awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed']
/** Statuses in which the association's own clock runs and a testing/appraisal may pause it. */
export const CLOCKED_STATUSES: readonly ComplaintStatus[] = ['awaiting_review', 'accepted', 'mediating']
/** Statuses after which the consumer may rate the handling (once). */
export const RATABLE_STATUSES: readonly ComplaintStatus[] = ['resolved', 'mediated', 'closed']

export const WORKFLOW: Record<WorkflowAction, WorkflowRule> = {
  propose: { from: ['enterprise_handling'], to: 'enterprise_proposed', roles: ['enterprise'], label: '提出处理方案' },
  request_info: { from: ['enterprise_handling'], to: null, roles: ['enterprise'], label: '请消费者补充信息' },
  mark_settled: { from: ['enterprise_handling', 'enterprise_proposed'], to: 'resolved', roles: ['enterprise'], label: '已与消费者和解' },
  accept_proposal: { from: ['enterprise_proposed'], to: 'resolved', roles: ['consumer'], label: '接受方案' },
  reject_proposal: { from: ['enterprise_proposed'], to: 'awaiting_review', roles: ['consumer'], label: '不接受，转消协处理' },
  escalate: { from: ['enterprise_handling'], to: 'awaiting_review', roles: ['system'], label: '企业超期未答复，转消协处理' },
  accept: { from: ['awaiting_review'], to: 'accepted', roles: ['staff'], label: '受理' },
  reject: { from: ['awaiting_review'], to: 'rejected', roles: ['staff'], label: '不予受理' },
  // Outside the association's remit but another body's: the consumer is told where to go (已引导).
  refer: { from: ['awaiting_review', 'accepted'], to: 'referred', roles: ['staff'], label: '引导至其他部门' },
  start_mediation: { from: ['accepted'], to: 'mediating', roles: ['staff'], label: '开始调解' },
  mediation_succeeded: { from: ['mediating'], to: 'mediated', roles: ['staff'], label: '调解成功' },
  mediation_failed: { from: ['mediating'], to: 'mediation_failed', roles: ['staff'], label: '调解未成功' },
  close: { from: ['mediated', 'mediation_failed'], to: 'closed', roles: ['staff'], label: '结案' },
  assign: { from: ASSOCIATION_STATUSES, to: null, roles: ['staff'], label: '指派承办人' },
  note: { from: ['awaiting_review', 'accepted', 'mediating'], to: null, roles: ['staff'], label: '记录调解情况' },
  pause_clock: { from: CLOCKED_STATUSES, to: null, roles: ['staff'], label: '暂停计时（检测鉴定）' },
  resume_clock: { from: CLOCKED_STATUSES, to: null, roles: ['staff'], label: '恢复计时' },
  withdraw: { from: OPEN, to: 'withdrawn', roles: ['consumer'], label: '撤回投诉' },
  rate: { from: RATABLE_STATUSES, to: null, roles: ['consumer'], label: '评价' },
}

export const WORKFLOW_ACTIONS = Object.keys(WORKFLOW) as WorkflowAction[]

/** Whether `actor` may take `action` on a complaint in `status` (other checks, such as rating once, are the server's). */
export function canTake(action: WorkflowAction, status: ComplaintStatus, actor: WorkflowActor): boolean {
  const rule = WORKFLOW[action]
  return rule.roles.includes(actor) && rule.from.includes(status)
}

/** The actions `actor` may take on a complaint in `status`, in the order above. */
export function availableActions(status: ComplaintStatus, actor: WorkflowActor): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => canTake(action, status, actor))
}

// The grounds for not accepting a complaint, and every deadline, come from the case's rule set (rule-set.ts).

/** What staff advise the consumer when mediation fails. */
export const MEDIATION_ADVICE_LABELS = {
  arbitration: '申请仲裁',
  litigation: '向人民法院起诉',
  support_litigation_letter: '申请消协出具支持诉讼函',
} as const
export type MediationAdvice = keyof typeof MEDIATION_ADVICE_LABELS
export const MEDIATION_ADVICES = Object.keys(MEDIATION_ADVICE_LABELS) as MediationAdvice[]

/** Which step a deadline belongs to; how long it lasts is the case's rule set's (rule-set.ts). */
export type DueKind = 'enterprise_response' | 'review' | 'mediation'
export const DUE_KIND_LABELS: Record<DueKind, string> = {
  enterprise_response: '企业答复期限',
  review: '消协受理审查期限',
  mediation: '调解期限',
}

export const RATING_MIN = 1
export const RATING_MAX = 5
/** A whole number of stars from RATING_MIN to RATING_MAX (a stored value outside it is no rating). */
export const isStarRating = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= RATING_MIN && (value as number) <= RATING_MAX
export const ACTION_TEXT_MAX = 1000
