import { Type, type Static } from '@sinclair/typebox'
import { DATE_PATTERN } from './complaint-rules'

const ChinaDate = (description: string) => Type.String({ pattern: DATE_PATTERN.source, description })

/** GET /api/staff/statistics and /api/staff/statistics.csv: an inclusive range of China dates. */
export const StatisticsQuery = Type.Object(
  {
    from: Type.Optional(ChinaDate('起始日期 YYYY-MM-DD（北京时间，含当天）；默认 11 个月前的月初')),
    to: Type.Optional(ChinaDate('截止日期 YYYY-MM-DD（北京时间，含当天）；默认今天')),
  },
  { additionalProperties: false },
)
export type StatisticsQuery = Static<typeof StatisticsQuery>

const Counts = {
  received: Type.Integer({ description: '收到投诉件数' }),
  closed: Type.Integer({ description: '已办结件数（不含已引导）' }),
  referred: Type.Integer({ description: '已引导至其他部门的件数（单独计，不算办结，也不算不予受理）' }),
}

export const IndustryFigure = Type.Object({ industry: Type.String(), label: Type.String(), ...Counts })
export type IndustryFigure = Static<typeof IndustryFigure>

export const MonthFigure = Type.Object({ month: Type.String({ description: 'YYYY-MM（北京时间）' }), ...Counts })
export type MonthFigure = Static<typeof MonthFigure>

/** Complaints about a business outside the directory have no enterprise id and are counted by name. */
export const EnterpriseCount = Type.Object({ enterpriseId: Type.Union([Type.String(), Type.Null()]), name: Type.String(), count: Type.Integer() })
export type EnterpriseCount = Static<typeof EnterpriseCount>

export const StatisticsResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  received: Type.Integer(),
  closed: Type.Integer(),
  referred: Type.Integer({ description: '已引导至其他部门的件数' }),
  closeRate: Type.Union([Type.Number(), Type.Null()], { description: '办结率 = 已办结 ÷（收到 − 已引导），0–1；没有可办结的投诉时为 null' }),
  recoveredFen: Type.Integer({ description: '挽回经济损失，单位：分' }),
  byIndustry: Type.Array(IndustryFigure, { description: '按行业，件数多的在前' }),
  byMonth: Type.Array(MonthFigure, { description: '按月，范围内每个月都有一行' }),
  topEnterprises: Type.Array(EnterpriseCount, { description: '被投诉最多的 10 家企业' }),
  overdue: Type.Object({
    total: Type.Integer(),
    enterpriseResponse: Type.Integer(),
    review: Type.Integer(),
    mediation: Type.Integer(),
  }),
  paths: Type.Object({ odr: Type.Integer(), association: Type.Integer() }),
  scope: Type.Object(
    {
      organizationName: Type.String({ description: '统计范围：调用者所在机构' }),
      includesBelow: Type.Boolean({ description: '是否含下级机构的投诉' }),
    },
    { description: '这些数字涵盖的机构：调用者所在机构及其下级' },
  ),
  definitions: Type.Object({
    received: Type.String(),
    closed: Type.String(),
    referred: Type.String(),
    closeRate: Type.String(),
    recovered: Type.String(),
    overdue: Type.String(),
    paths: Type.String(),
  }),
})
export type StatisticsResponse = Static<typeof StatisticsResponse>

export const STATISTICS_DEFINITIONS: StatisticsResponse['definitions'] = {
  received: '所选期间内提交的投诉件数（按提交时间，北京时间）。',
  closed: '上述投诉中目前已办结的件数：已和解、不予受理、已撤回、已结案。',
  referred: '已引导 = 上述投诉中不归消协处理、已告诉消费者向电信、金融、旅游等有关部门反映的件数；单独计，不算办结，也不算不予受理。',
  closeRate: '办结率 = 已办结件数 ÷（收到投诉件数 − 已引导件数）。',
  recovered: '挽回经济损失 = 上述投诉中调解成功或已结案的挽回金额之和（元）。',
  overdue: '超期 = 现在仍在处理中、且当前环节期限已过的投诉（不限所选期间），按环节分列。',
  paths: 'ODR = 经绿色通道先由企业和解；消协 = 直接由消协受理调解。按所选期间内收到的投诉计。',
}

/** Rows of the CSV export, in this order; the header row is these labels. */
export const STATISTICS_CSV_COLUMNS = ['投诉编号', '提交日期', '状态', '处理途径', '行业', '企业', '涉及金额（元）', '挽回金额（元）', '办结日期', '评价', '引导至'] as const
