import { Type, type Static } from '@sinclair/typebox'
import { StationFigures } from './walk-in'

/** Counts from the per-organization figure rollups, and the rates worked out from them (0–1, null when nothing to divide by). */
const FigureFields = {
  received: Type.Integer({ description: '收到投诉件数' }),
  accepted: Type.Integer({ description: '受理件数（消协已受理）' }),
  closed: Type.Integer({ description: '办结件数（已和解、不予受理、已撤回、已结案）' }),
  referred: Type.Integer({ description: '已引导件数' }),
  closedOnTime: Type.Integer({ description: '按期办结件数' }),
  mediationEnded: Type.Integer({ description: '调解结束件数（成功或未成功）' }),
  mediationSucceeded: Type.Integer({ description: '调解成功件数' }),
  recoveredFen: Type.Integer({ description: '挽回经济损失，单位：分' }),
  closeRate: Type.Union([Type.Number(), Type.Null()], { description: '办结率 = 办结 ÷（收到 − 已引导）' }),
  onTimeRate: Type.Union([Type.Number(), Type.Null()], { description: '按期办结率 = 按期办结 ÷ 办结' }),
  mediationSuccessRate: Type.Union([Type.Number(), Type.Null()], { description: '调解成功率 = 调解成功 ÷ 调解结束' }),
}

export const Figure = Type.Object(FigureFields)
export type Figure = Static<typeof Figure>

export const OrganizationFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  organizationName: Type.String({ description: '统计范围：调用者所在机构' }),
  includesBelow: Type.Boolean({ description: '是否含下级机构' }),
  total: Figure,
  byMonth: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM（北京时间，按提交月份）' }), ...FigureFields }), { description: '范围内每个月一行' }),
  byIndustry: Type.Array(Type.Object({ industry: Type.String(), label: Type.String(), ...FigureFields }), { description: '按行业，件数多的在前' }),
  own: Type.Union([Figure, Type.Null()], { description: '本级：机构自己办理（不在任何下级）的投诉；没有下级时为 null' }),
  children: Type.Array(Type.Object({ organizationId: Type.String(), name: Type.String(), ...FigureFields }), {
    description: '直属下级机构并列，每个含其全部下级',
  }),
  byStation: Type.Object({ ...StationFigures.properties, wholeMonths: Type.Boolean({ description: '期间是否恰为整月；不是时服务站仍按首尾两个整月计' }) }, {
    description: '本机构及下级的各服务站在期间内每个月代办立案的件数（北京时间，按整月）；站点工作人员只看到本站',
  }),
  definitions: Type.Record(Type.String(), Type.String()),
})
export type OrganizationFigures = Static<typeof OrganizationFigures>

export const FIGURE_DEFINITIONS: Record<string, string> = {
  received: '收到 = 所选期间内提交的投诉件数（按提交时间，北京时间），计在目前办理它的机构下；移送后随案件计入接收机构。',
  accepted: '受理 = 上述投诉中目前办理机构已受理的件数（移送后须由接收机构重新受理）。',
  closeRate: '办结率 = 办结件数（已和解、不予受理、已撤回、已结案）÷（收到 − 已引导）。',
  onTimeRate: '按期办结率 = 按期办结件数 ÷ 办结件数；按期 = 消协受理审查、调解两个环节都没有超过期限（检测鉴定暂停期间不计）。',
  mediationSuccessRate: '调解成功率 = 调解成功件数 ÷ 调解结束件数（成功加未成功）。',
  recovered: '挽回经济损失 = 调解成功时记录的挽回金额，加上经 ODR 和解结案时企业方案的金额（元）。',
  stations: '服务站代办 = 在服务站由工作人员代办立案的投诉件数，按立案的月份（北京时间）整月计，计在代办的服务站下（不论投诉现由哪个机构办理）。',
}

/**
 * Columns of the figures CSV (rows: 合计, 本级, each 下级机构, each 月份, each 行业); the header row is these labels.
 * After an empty line a second table: 服务站代办, one row per station, one column per month.
 */
export const FIGURES_CSV_COLUMNS = [
  '分组',
  '名称',
  '收到（件）',
  '受理（件）',
  '办结（件）',
  '已引导（件）',
  '办结率',
  '按期办结（件）',
  '按期办结率',
  '调解结束（件）',
  '调解成功（件）',
  '调解成功率',
  '挽回经济损失（元）',
] as const
