import type { RuleBasis, RuleSetContent, StepRule } from './rule-set'

/**
 * The words and labels of handling rules, for the app: no TypeBox here (this file is bundled into the
 * mini-program; the schemas are in rule-set.ts).
 */
export const DayKind = { Working: 'working', Calendar: 'calendar' } as const
export type DayKind = (typeof DayKind)[keyof typeof DayKind]

/** The steps with a deadline, as the complaint's `due_kind` names them. */
export const RULE_STEPS = ['enterprise_response', 'review', 'mediation'] as const
export type RuleStep = (typeof RULE_STEPS)[number]
export const RULE_STEP_LABELS: Record<RuleStep, string> = {
  enterprise_response: '企业答复',
  review: '受理审查',
  mediation: '调解',
}

export const RuleSetFamily = { Samr: 'samr', Association: 'association' } as const
export type RuleSetFamily = (typeof RuleSetFamily)[keyof typeof RuleSetFamily]
export const RULE_SET_FAMILY_LABELS: Record<RuleSetFamily, string> = {
  samr: '市场监管部门投诉处理规章',
  association: '消费者协会受理投诉规则',
}

/** 依据《市场监督管理投诉举报处理暂行办法》第十四条：… （未核实 when the text was not found). */
export function basisLine(basis: RuleBasis): string {
  const where = `依据${basis.document}${basis.article ?? '（条款号未核实）'}`
  return `${where}：${basis.text}${basis.verified ? '' : '（未核实）'}`
}

/** A step's sentence for the consumer with its number of days filled in. */
export function stepSentence(step: StepRule): string {
  return step.sentence.replace('{days}', String(step.days))
}

const days = (step: StepRule) => `${step.days} 个${step.dayKind === 'working' ? '工作日' : '自然日'}`

/**
 * What the two handling paths promise, in plain words, with the deadlines of the rules a complaint
 * filed now would get; without them (not loaded yet, offline) the same words without numbers.
 */
export function handlingPathDetail(path: 'odr' | 'association', rules: RuleSetContent | null): string {
  if (path === 'odr') return rules ? `企业须在 ${days(rules.steps.enterprise_response)}内答复；不满意可以再请消协调解。` : '企业先答复；不满意可以再请消协调解。'
  return rules ? `消协在 ${days(rules.steps.review)}内决定是否受理，调解一般在 ${days(rules.steps.mediation)}内结束。` : '消协先决定是否受理，受理后组织调解。'
}

export function isRuleSetVerified(content: RuleSetContent): boolean {
  const rules = [
    ...Object.values(content.steps),
    ...content.refusalGrounds,
    ...content.mediationEndGrounds,
    ...content.afterHandling,
    ...content.otherProvisions,
    ...(content.testingPause ? [content.testingPause] : []),
    ...(content.repeatComplaints ? [content.repeatComplaints] : []),
    ...(content.performance ? Object.values(content.performance) : []),
  ]
  return rules.every((rule) => rule.verified)
}
