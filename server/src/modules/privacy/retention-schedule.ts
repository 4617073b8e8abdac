/**
 * How long each kind of personal data is kept, why, and on what basis. The job in jobs/retention.ts
 * (and evidence-cleanup for unattached uploads) enforces it; each period can be changed by its
 * environment variable, within a floor below which the product would break. The README lists the same.
 */
export const RETENTION_KINDS = [
  'sms_codes',
  'sessions',
  'unattached_uploads',
  'closed_complaints',
  'field_report_coordinates',
  'access_records',
  'data_exports',
  'walk_in_filings',
  'qa_questions',
] as const
export type RetentionKind = (typeof RETENTION_KINDS)[number]

export type RetentionUnit = 'hours' | 'days' | 'years'

export interface RetentionRule {
  env: string
  unit: RetentionUnit
  period: number
  /** The shortest period allowed: below it a feature that still needs the data would fail. */
  min: number
  /** Counted from… */
  from: string
  action: string
  reason: string
  basis: string
}

export const RETENTION_SCHEDULE: Readonly<Record<RetentionKind, RetentionRule>> = {
  sms_codes: {
    env: 'RETENTION_SMS_CODES_DAYS',
    unit: 'days',
    period: 7,
    min: 2,
    from: '发送时间',
    action: '删除验证码记录（含手机号和请求 IP）',
    reason: '发送频率限制只回看 1 天；多留几天便于排查短信轰炸，之后再无用途。',
    basis: 'PIPL 第 19 条（保存期限为实现处理目的所必要的最短时间）',
  },
  sessions: {
    env: 'RETENTION_SESSIONS_DAYS',
    unit: 'days',
    period: 30,
    min: 1,
    from: '登录状态过期时间',
    action: '删除登录会话记录',
    reason: '过期的会话不能再登录；留 30 天用于识别被盗用的旧令牌，之后删除。',
    basis: 'PIPL 第 19 条',
  },
  unattached_uploads: {
    env: 'RETENTION_UNATTACHED_UPLOADS_HOURS',
    unit: 'hours',
    period: 24,
    min: 1,
    from: '上传时间',
    action: '删除未提交到任何投诉的照片及文件',
    reason: '草稿里的照片在提交前只为这次投诉保存；放弃的草稿不应留下照片。',
    basis: 'PIPL 第 19 条、第 47 条（处理目的已无法实现时删除）',
  },
  closed_complaints: {
    env: 'RETENTION_CLOSED_COMPLAINTS_YEARS',
    unit: 'years',
    period: 3,
    min: 1,
    from: '投诉结束时间',
    action: '去除联系电话、投诉描述、补充说明、评价留言和全部照片，保留匿名统计字段（行业、金额、状态、日期、商家）',
    reason: '民事诉讼时效为 3 年（民法典第 188 条），期间消费者或商家可能需要这份记录；之后个人信息不再必要，而匿名的行业和结果统计仍用于年度报告。',
    basis: '民法典第 188 条；PIPL 第 19 条、第 47 条',
  },
  field_report_coordinates: {
    env: 'RETENTION_FIELD_REPORT_COORDINATES_DAYS',
    unit: 'days',
    period: 30,
    min: 1,
    from: '审核时间',
    action: '清除走访报告及其照片的精确坐标（报告本身保留）',
    reason: '坐标只用于审核时核实志愿者到过现场；审核后留 30 天应对复核，之后志愿者的行踪不再必要。',
    basis: 'PIPL 第 19 条、第 28 条（行踪轨迹属敏感个人信息）',
  },
  access_records: {
    env: 'RETENTION_ACCESS_RECORDS_YEARS',
    unit: 'years',
    period: 3,
    min: 1,
    from: '查看时间',
    action: '删除查看记录',
    reason: '与投诉记录保留同样长的时间，让消费者和消协能追溯谁看过；之后删除。',
    basis: 'PIPL 第 19 条、第 55 条（处理记录）',
  },
  data_exports: {
    env: 'RETENTION_DATA_EXPORTS_DAYS',
    unit: 'days',
    period: 7,
    min: 1,
    from: '打包完成时间',
    action: '删除“导出我的数据”生成的压缩包（下载链接随之失效）',
    reason: '压缩包是个人信息的完整副本，只为本人下载而临时保存；7 天足够下载，之后不应再留一份。',
    basis: 'PIPL 第 19 条、第 45 条（查阅、复制）',
  },
  walk_in_filings: {
    env: 'RETENTION_WALK_IN_FILINGS_DAYS',
    unit: 'days',
    period: 7,
    min: 1,
    from: '开始代办时间',
    action: '删除没有立案的服务站代办记录（手机号、称呼）和柜台拍的照片及文件',
    reason: '投诉人没有用验证码确认、或确认后 2 小时内没有提交的代办不会再成为投诉；与短信验证码一样留 7 天，便于核查有人借代办给别人发短信，之后删除。已立案的代办随投诉保留。',
    basis: 'PIPL 第 19 条、第 47 条（处理目的已无法实现时删除）',
  },
  qa_questions: {
    env: 'RETENTION_QA_QUESTIONS_DAYS',
    unit: 'days',
    period: 30,
    min: 1,
    from: '该期律师答疑结束时间',
    action: '删除没有得到解答（因而也没有公开）的提问：问题文字、照片记录和文件',
    reason: '答疑结束后律师仍可补答；30 天后仍没有解答的提问不会再有人解答，提问里的个人信息（描述、照片）不再必要。已解答的随提问人的“我的提问”保留，已公开的以匿名形式留在答疑档案里。',
    basis: 'PIPL 第 19 条、第 47 条（处理目的已无法实现时删除）',
  },
}

/** The periods in force: the schedule's, overridden by configuration. */
export type RetentionPeriods = Readonly<Record<RetentionKind, number>>

export const DEFAULT_RETENTION: RetentionPeriods = Object.fromEntries(
  RETENTION_KINDS.map((kind) => [kind, RETENTION_SCHEDULE[kind].period]),
) as Record<RetentionKind, number>

/** The instant before which data of this kind is due: `now` minus the period (calendar years for years). */
export function retentionCutoff(periods: RetentionPeriods, kind: RetentionKind, now: Date): string {
  const period = periods[kind]
  const cutoff = new Date(now.getTime())
  switch (RETENTION_SCHEDULE[kind].unit) {
    case 'hours':
      cutoff.setTime(cutoff.getTime() - period * 3600_000)
      break
    case 'days':
      cutoff.setTime(cutoff.getTime() - period * 86400_000)
      break
    case 'years':
      cutoff.setUTCFullYear(cutoff.getUTCFullYear() - period)
      break
  }
  return cutoff.toISOString()
}
