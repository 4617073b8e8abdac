import type { ComplaintRow } from '../complaints/complaints.repository'
import { AppError } from '../../errors'
import type { CaseRules } from '../rules/rule-sets.service'
import { addWorkingDays, chinaDate, workingDatesBetween } from './working-days'

/**
 * A testing/appraisal (检测、鉴定) pause of the case clock. Whether the period counts towards the
 * deadline is the case's rule set's (`testingPause`), with its citation; a set that does not say so
 * cannot pause.
 */
export function pauseColumns(rules: CaseRules, complaint: ComplaintRow, reason: string, now: Date) {
  const rule = rules.content.testingPause
  if (!rule?.excluded) throw new AppError(422, 'CLOCK_PAUSE_NOT_IN_RULES', '本案适用的规则未规定检测、鉴定期间不计入期限，不能暂停计时')
  if (complaint.clock_paused_at) throw new AppError(409, 'CLOCK_ALREADY_PAUSED', '计时已暂停，请先恢复计时')
  if (!complaint.due_at || !complaint.due_kind) throw new AppError(409, 'NO_RUNNING_CLOCK', '当前步骤没有在计时的期限')
  return {
    set: { clock_paused_at: now.toISOString(), clock_paused_reason: reason },
    data: { dueAt: complaint.due_at, dueKind: complaint.due_kind, ruleSetId: rules.row.id, article: rule.article, verified: rule.verified },
  }
}

/**
 * Resuming moves the deadline on by the time paused: the working days (or calendar days, as the
 * step counts) from the China date of the pause to the China date of the resume.
 */
export function resumeColumns(rules: CaseRules, complaint: ComplaintRow, now: Date) {
  if (!complaint.clock_paused_at) throw new AppError(409, 'CLOCK_NOT_PAUSED', '计时没有暂停')
  const pausedDate = chinaDate(new Date(complaint.clock_paused_at))
  const today = chinaDate(now)
  const step = complaint.due_kind ? rules.content.steps[complaint.due_kind] : null
  const working = step?.dayKind !== 'calendar'
  const days = working ? workingDatesBetween(pausedDate, today) : Math.round((Date.parse(today) - Date.parse(pausedDate)) / 86_400_000)
  let dueAt = complaint.due_at
  if (dueAt && days > 0) {
    dueAt = working ? addWorkingDays(new Date(dueAt), days).toISOString() : new Date(Date.parse(dueAt) + days * 86_400_000).toISOString()
  }
  const late = dueAt !== null && Date.parse(dueAt) < now.getTime()
  return {
    set: { clock_paused_at: null, clock_paused_reason: null, due_at: dueAt, ...(late ? {} : { overdue_at: null }) },
    data: { pausedAt: complaint.clock_paused_at, pausedDays: days, dayKind: working ? 'working' : 'calendar', previousDueAt: complaint.due_at, dueAt },
  }
}
