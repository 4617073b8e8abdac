import { Type, type Static } from '@sinclair/typebox'
import type { DayKind, RuleSetFamily } from './rule-text'

export * from './rule-text'

/**
 * Handling rules as data (issue #16): each deadline, refusal ground and after-handling duty carries
 * the article it comes from and where its text was checked. A rule whose text could not be found
 * says so (`verified: false` and a note) instead of being presented as law.
 */

const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const DATE = '^\\d{4}-\\d{2}-\\d{2}$'

export const RuleSource = Type.Object(
  { title: Text(200, '检索到的条文来源标题'), url: Nullable(Text(500, '来源网址')) },
  { additionalProperties: false },
)
export type RuleSource = Static<typeof RuleSource>

/** Where a rule comes from: the article, the words checked, and whether the text itself was found. */
const Basis = {
  article: Nullable(Text(60, '条款号，如 第十四条；未查到为 null')),
  quote: Nullable(Text(500, '核对过的条文原话（节录）')),
  verified: Type.Boolean({ description: '是否已对照条文原文核实' }),
  note: Nullable(Text(500, '说明，如未能查到原文')),
  source: Nullable(RuleSource),
}

export const RuleProvision = Type.Object({ text: Text(300, '规定内容'), ...Basis }, { additionalProperties: false })
export type RuleProvision = Static<typeof RuleProvision>

export const RuleGround = Type.Object(
  { code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: '理由代码' }), text: Text(300, '理由'), ...Basis },
  { additionalProperties: false },
)
export type RuleGround = Static<typeof RuleGround>


export const StepRule = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 365, description: '期限天数' }),
    dayKind: Type.Unsafe<DayKind>({ type: 'string', enum: ['working', 'calendar'], description: '工作日或自然日' }),
    from: Text(60, '从哪个事件起算，如 收到投诉之日'),
    sentence: Text(200, '告诉消费者的话，{days} 处填入天数，如 消协将在 {days} 个工作日内决定是否受理'),
    ...Basis,
  },
  { additionalProperties: false },
)
export type StepRule = Static<typeof StepRule>


/** Whether a testing/appraisal period (检测、鉴定) stops the case's clock, and why. */
export const ClockPauseRule = Type.Object(
  {
    excluded: Type.Boolean({ description: '检测、鉴定期间是否不计入当前步骤的期限（true：暂停计时，恢复后期限顺延）' }),
    text: Text(300, '规定内容'),
    ...Basis,
  },
  { additionalProperties: false },
)
export type ClockPauseRule = Static<typeof ClockPauseRule>

/** One period of the performance follow-up (履行回访): how long, counted how, and on what basis. */
export const PerformancePeriod = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 365, description: '天数' }),
    dayKind: Type.Unsafe<DayKind>({ type: 'string', enum: ['working', 'calendar'], description: '工作日或自然日' }),
    text: Text(300, '规定内容'),
    ...Basis,
  },
  { additionalProperties: false },
)
export type PerformancePeriod = Static<typeof PerformancePeriod>

/** After an agreement or an accepted ODR proposal falls due, the consumer confirms whether it was performed. */
export const PerformanceRule = Type.Object(
  {
    answer: PerformancePeriod,
    unperformed: PerformancePeriod,
    reopen: PerformancePeriod,
  },
  { additionalProperties: false, description: '履行回访：回答期限、未履行的处理期限、重新打开的期限' },
)
export type PerformanceRule = Static<typeof PerformanceRule>

export const RuleSetContent = Type.Object(
  {
    steps: Type.Object({ enterprise_response: StepRule, review: StepRule, mediation: StepRule }, { additionalProperties: false }),
    refusalGrounds: Type.Array(RuleGround, { minItems: 1, maxItems: 30 }),
    mediationEndGrounds: Type.Array(RuleProvision, { maxItems: 30 }),
    afterHandling: Type.Array(RuleProvision, { maxItems: 30, description: '处理后的义务，如回访' }),
    otherProvisions: Type.Array(RuleProvision, { maxItems: 30, description: '委托调解、检测鉴定期间、身份核验、重复投诉等' }),
    testingPause: Type.Optional(ClockPauseRule),
    repeatComplaints: Type.Optional(RuleProvision),
    performance: Type.Optional(PerformanceRule),
  },
  { additionalProperties: false },
)
export type RuleSetContent = Static<typeof RuleSetContent>

/** What staff send to make a new version of a rule set (the earlier versions stay as they were). */
export const RuleSetVersionRequest = Type.Object(
  {
    name: Text(100, '规则名称'),
    issuingBody: Text(100, '制定机关'),
    document: Text(200, '文件名称，如《市场监督管理投诉举报处理办法》'),
    documentNumber: Nullable(Text(100, '文号，如 国家市场监督管理总局令第121号')),
    inForceFrom: Nullable(Type.String({ pattern: DATE, description: '施行日期 YYYY-MM-DD；不知道为 null' })),
    inForceTo: Nullable(Type.String({ pattern: DATE, description: '失效日期（含当日）YYYY-MM-DD；仍有效为 null' })),
    content: RuleSetContent,
  },
  { additionalProperties: false },
)
export type RuleSetVersionRequest = Static<typeof RuleSetVersionRequest>


export const RuleSet = Type.Object({
  id: Type.String(),
  code: Type.String({ description: '规则集代码；同一规则集的各版本代码相同' }),
  version: Type.Integer({ minimum: 1 }),
  family: Type.Unsafe<RuleSetFamily>({ type: 'string', enum: ['samr', 'association'] }),
  name: Type.String(),
  issuingBody: Type.String(),
  document: Type.String(),
  documentNumber: Nullable(Type.String()),
  inForceFrom: Nullable(Type.String()),
  inForceTo: Nullable(Type.String()),
  /** True only when every rule in it was checked against the text. */
  verified: Type.Boolean(),
  content: RuleSetContent,
  createdAt: Type.String({ format: 'date-time' }),
})
export type RuleSet = Static<typeof RuleSet>

export const RuleSetListResponse = Type.Object({ ruleSets: Type.Array(RuleSet) })
export type RuleSetListResponse = Static<typeof RuleSetListResponse>
export const RuleSetIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) })
export const RuleSetCodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }) })

/** The rule a case's current step follows, shown as 依据《…》第X条. */
export const RuleBasis = Type.Object({
  ruleSetId: Type.String(),
  document: Type.String(),
  article: Nullable(Type.String()),
  text: Type.String(),
  verified: Type.Boolean(),
  note: Nullable(Type.String()),
})
export type RuleBasis = Static<typeof RuleBasis>

