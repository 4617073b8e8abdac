import { randomUUID } from 'node:crypto'
import { chinaToday } from '../../../../src/contract/complaint-rules'
import { isRuleSetVerified, stepSentence, type RuleBasis, type RuleGround, type RuleSet, type RuleSetContent, type RuleSetFamily, type RuleSetVersionRequest, type RuleStep } from '../../../../src/contract/rule-set'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { chosenRuleFamily } from '../organizations/organizations.repository'
import { findUserById } from '../users/user.repository'
import { addWorkingDays } from '../workflow/working-days'
import { findRuleSetById, findRuleSetInForce, insertRuleSet, latestVersionOf, listLatestRuleSets, type RuleSetRow } from './rule-sets.repository'

/** A rule set version with its content parsed. */
export interface CaseRules {
  row: RuleSetRow
  content: RuleSetContent
  verified: boolean
}

// Versions are never changed once written, so a parsed version can be kept for the life of the process.
const parsed = new Map<string, CaseRules>()
function parse(row: RuleSetRow): CaseRules {
  const known = parsed.get(row.id)
  if (known) return known
  const content = JSON.parse(row.content) as RuleSetContent
  const rules = { row, content, verified: isRuleSetVerified(content) }
  parsed.set(row.id, rules)
  return rules
}

/** The deployment's family (RULE_SET_FAMILY): used where no organization on the way up chose one. */
export function ruleFamilyFor(ctx: AppContext): RuleSetFamily {
  return ctx.config.ruleSetFamily
}

/** The family an organization files complaints under: its own choice, else its nearest ancestor's, else the deployment's. */
export async function ruleFamilyOf(ctx: AppContext, db: Db, organization: { path: string } | null): Promise<RuleSetFamily> {
  return (organization ? await chosenRuleFamily(db, organization.path) : null) ?? ruleFamilyFor(ctx)
}

/**
 * The rules a complaint filed at `now` with `organization` is handled under: the version of that
 * organization's family in force on that China date.
 */
export async function rulesForFiling(ctx: AppContext, db: Db, now: Date, organization: { path: string } | null = null): Promise<CaseRules> {
  const family = await ruleFamilyOf(ctx, db, organization)
  const row = await findRuleSetInForce(db, family, chinaToday(now))
  if (!row) throw new Error(`no ${family} rule set is in force on ${chinaToday(now)}`)
  return parse(row)
}

/** The rules recorded on a complaint (a complaint from before rule sets existed falls back to its filing date). */
export async function rulesOfComplaint(ctx: AppContext, db: Db, complaint: { rule_set_id: string | null; created_at: string }): Promise<CaseRules> {
  if (complaint.rule_set_id) {
    const known = parsed.get(complaint.rule_set_id)
    if (known) return known
    const row = await findRuleSetById(db, complaint.rule_set_id)
    if (row) return parse(row)
  }
  return rulesForFiling(ctx, db, new Date(complaint.created_at))
}

/** The deadline columns of a step that starts at `now`, as the complaint's rules set it. */
export function stepDeadline(rules: CaseRules, kind: RuleStep, now: Date) {
  const step = rules.content.steps[kind]
  const due = step.dayKind === 'working' ? addWorkingDays(now, step.days) : addCalendarDays(now, step.days)
  return { due_at: due.toISOString(), due_kind: kind, overdue_at: null }
}

/** The end (23:59:59 China time) of the nth calendar day after the China date of `from`. */
export function addCalendarDays(from: Date, n: number): Date {
  const date = new Date(Date.parse(`${chinaToday(from)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
  return new Date(`${date}T23:59:59+08:00`)
}

export function stepBasis(rules: CaseRules, kind: RuleStep): RuleBasis & { sentence: string } {
  const step = rules.content.steps[kind]
  return { ...basisOf(rules, step, `${step.from}起 ${step.days} 个${step.dayKind === 'working' ? '工作日' : '自然日'}`), sentence: stepSentence(step) }
}

export function basisOf(rules: CaseRules, rule: { article: string | null; verified: boolean; note: string | null }, text: string): RuleBasis {
  return { ruleSetId: rules.row.id, document: rules.row.document, article: rule.article, text, verified: rule.verified, note: rule.note }
}

export function refusalGroundOrNull(rules: CaseRules, code: string): RuleGround | null {
  return rules.content.refusalGrounds.find((g) => g.code === code) ?? null
}

/** The refusal ground staff chose, if the case's rules have it (422 otherwise). */
export function refusalGround(rules: CaseRules, code: string): RuleGround {
  const ground = refusalGroundOrNull(rules, code)
  if (!ground) throw new AppError(422, 'REFUSAL_GROUND_NOT_IN_RULES')
  return ground
}

export function toRuleSetDto(rules: CaseRules): RuleSet {
  const { row, content } = rules
  return {
    id: row.id,
    code: row.code,
    version: Number(row.version),
    family: row.family,
    name: row.name,
    issuingBody: row.issuing_body,
    document: row.document,
    documentNumber: row.document_number,
    inForceFrom: row.in_force_from,
    inForceTo: row.in_force_to,
    verified: rules.verified,
    content,
    createdAt: row.created_at,
  }
}

export async function listRuleSets(ctx: AppContext): Promise<RuleSet[]> {
  return (await listLatestRuleSets(ctx.db)).map((row) => toRuleSetDto(parse(row)))
}

export async function currentRuleSet(ctx: AppContext): Promise<RuleSet> {
  return toRuleSetDto(await rulesForFiling(ctx, ctx.db, ctx.now()))
}

export async function getRuleSet(ctx: AppContext, id: string): Promise<RuleSet> {
  const row = await findRuleSetById(ctx.db, id)
  if (!row) throw new AppError(404, 'RULE_SET_NOT_FOUND')
  return toRuleSetDto(parse(row))
}

/**
 * A staff member with the rule-editor permission publishes the next version of a rule set. The earlier
 * versions are not touched: complaints that recorded them keep showing them. Two editors saving at once:
 * the unique (code, version) lets one win and the other gets 409.
 */
export async function createRuleSetVersion(ctx: AppContext, user: AuthUser, code: string, request: RuleSetVersionRequest): Promise<RuleSet> {
  const editor = await findUserById(ctx.db, user.id)
  if (!editor || Number(editor.rule_editor) !== 1) throw new AppError(403, 'FORBIDDEN', '只有负责维护处理规则的工作人员可以修改规则')
  if (request.inForceFrom && request.inForceTo && request.inForceTo < request.inForceFrom) throw new AppError(422, 'RULE_SET_DATES_INVALID')
  const codes = new Set<string>()
  for (const ground of request.content.refusalGrounds) {
    if (codes.has(ground.code)) throw new AppError(422, 'VALIDATION_FAILED', `理由代码 ${ground.code} 重复`)
    codes.add(ground.code)
  }
  const latest = await latestVersionOf(ctx.db, code)
  if (!latest) throw new AppError(404, 'RULE_SET_NOT_FOUND')
  const version = Number(latest.version) + 1
  try {
    const row = await insertRuleSet(ctx.db, {
      id: `${code}-v${version}-${randomUUID().slice(0, 8)}`,
      code,
      version,
      family: latest.family,
      name: request.name,
      issuing_body: request.issuingBody,
      document: request.document,
      document_number: request.documentNumber,
      in_force_from: request.inForceFrom,
      in_force_to: request.inForceTo,
      content: JSON.stringify(request.content),
      created_by: user.id,
      created_at: ctx.now().toISOString(),
    })
    return toRuleSetDto(parse(row))
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'RULE_SET_VERSION_CONFLICT')
    throw error
  }
}
