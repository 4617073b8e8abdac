/**
 * What each timeline event is called. Its own module (not complaint-status.ts, which the mini-program's
 * main package needs for the status labels) so that the labels load only with the pages that show a
 * timeline.
 */
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
  pause_clock: '暂停计时（检测鉴定）',
  resume_clock: '恢复计时',
  repeat_merged: '重复投诉已合并',
  group_joined: '并入集体投诉',
  group_note: '集体投诉督办',
  rate: '评价',
  overdue: '处理超期',
  // The mediation agreement (mediation-agreement.ts).
  agreement_drafted: '调解员起草了调解协议书',
  agreement_revised: '调解协议书已修改（新版本）',
  agreement_signatures_voided: '协议修改后，原有签名作废，需要重新签署',
  agreement_signed: '一方签署了调解协议书',
  agreement_effective: '双方签署，调解协议书生效',
  // The court hand-off (court.ts).
  court_referred: '法院委托调解（诉前委托调解）',
  litigation_letter_issued: '消协出具支持诉讼函',
  // Performance follow-up (performance.ts).
  performance_asked: '履行期限到，请消费者确认是否收到',
  performance_confirmed: '消费者确认已收到（已履行）',
  performance_unperformed: '未履行，转调解员跟进',
  performance_reopened: '消费者重新打开：商家没有履行',
  performance_retry: '调解员督促履行，定了新的履行期限',
  performance_closed: '未履行，调解员结案',
  // Legal aid (legal-aid.ts): the assigned lawyer's opinion, part of the case.
  lawyer_opinion: '律师意见',
} as const
import type { MoveEventType } from './complaint-moves'

/** Moves between organizations are events too; their labels are in complaint-moves.ts. */
export type ComplaintEventType = keyof typeof COMPLAINT_EVENT_LABELS | MoveEventType
