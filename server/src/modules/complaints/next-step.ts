import type { ComplaintDetail } from '../../../../src/contract/complaint'
import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { ComplaintRow } from './complaints.repository'

/** A deadline that is not a date (a damaged row) shows as none rather than failing the page it is on. */
export function readableDeadline(dueAt: string | null): string | null {
  return dueAt && Number.isFinite(Date.parse(dueAt)) ? dueAt : null
}

/** What the consumer can expect next, in plain words, and by when (the current step's deadline). */
const NEXT_STEP: Record<ComplaintStatus, string | null> = {
  submitted: '投诉已提交，正在转交处理',
  enterprise_handling: '商家将在 10 个工作日内答复，逾期未答复将自动转消协处理',
  enterprise_proposed: '商家已给出处理方案，请查看并决定是否接受',
  awaiting_review: '消协将在 7 个工作日内决定是否受理',
  accepted: '消协已受理，将在 45 个工作日内组织调解',
  mediating: '调解进行中，请保持电话畅通',
  mediated: '调解已达成，请按调解结果履行，消协随后结案',
  mediation_failed: '调解未成功，您可以依法申请仲裁或向人民法院起诉',
  resolved: null,
  rejected: null,
  withdrawn: null,
  closed: null,
}

export function nextStepFor(complaint: Pick<ComplaintRow, 'status' | 'due_at'>): ComplaintDetail['nextStep'] {
  const text = NEXT_STEP[complaint.status]
  return text ? { text, dueAt: readableDeadline(complaint.due_at) } : null
}
