import type { ComplaintDetail } from '../../../../src/contract/complaint'
import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { RuleStep } from '../../../../src/contract/rule-set'
import { basisOf, refusalGroundOrNull, stepBasis, type CaseRules } from '../rules/rule-sets.service'
import type { ComplaintRow } from './complaints.repository'

/** A deadline that is not a date (a damaged row) shows as none rather than failing the page it is on. */
export function readableDeadline(dueAt: string | null): string | null {
  return dueAt && Number.isFinite(Date.parse(dueAt)) ? dueAt : null
}

/** Statuses whose next step runs against a deadline: the sentence and its basis come from the case's rules. */
const STEP_OF: Partial<Record<ComplaintStatus, RuleStep>> = {
  enterprise_handling: 'enterprise_response',
  awaiting_review: 'review',
  accepted: 'mediation',
  mediating: 'mediation',
}

/** What the consumer can expect next where no time limit is involved. */
const NEXT_STEP: Partial<Record<ComplaintStatus, string>> = {
  submitted: '投诉已提交，正在转交处理',
  enterprise_proposed: '商家已给出处理方案，请查看并决定是否接受',
  mediating: '调解进行中，请保持电话畅通',
  mediated: '调解已达成，请按调解结果履行，消协随后结案',
  mediation_failed: '调解未成功，您可以依法申请仲裁或向人民法院起诉',
  referred: '这件事由其他部门受理，请按下面的指引联系他们',
}

/** What the consumer can expect next, in plain words, by when, and under which rule. */
export function nextStepFor(complaint: Pick<ComplaintRow, 'status' | 'due_at' | 'clock_paused_at'>, rules: CaseRules): ComplaintDetail['nextStep'] {
  const step = STEP_OF[complaint.status]
  if (step) {
    const { sentence, ...basis } = stepBasis(rules, step)
    const text = NEXT_STEP[complaint.status] ?? sentence
    // While a testing/appraisal pause lasts there is no date to promise: it moves on when the clock resumes.
    if (complaint.clock_paused_at) return { text: `${text}；检测、鉴定期间暂停计时，恢复后期限顺延`, dueAt: null, basis }
    return { text, dueAt: readableDeadline(complaint.due_at), basis }
  }
  const text = NEXT_STEP[complaint.status]
  return text ? { text, dueAt: readableDeadline(complaint.due_at), basis: null } : null
}

/** The case's rule set as the detail shows it, with the refusal ground chosen (if any) and its article. */
export function caseRulesFor(complaint: Pick<ComplaintRow, 'rejection_ground'>, rules: CaseRules): ComplaintDetail['rules'] {
  const chosen = complaint.rejection_ground ? refusalGroundOrNull(rules, complaint.rejection_ground) : null
  return {
    ruleSetId: rules.row.id,
    name: rules.row.name,
    version: Number(rules.row.version),
    document: rules.row.document,
    documentNumber: rules.row.document_number,
    verified: rules.verified,
    refusalGrounds: rules.content.refusalGrounds.map(({ code, text, article, verified }) => ({ code, text, article, verified })),
    rejection: chosen ? basisOf(rules, chosen, chosen.text) : null,
  }
}
