/**
 * The enterprise directory's plain rules and words, for the app at runtime and the server alike.
 * No Taro and no TypeBox imports: this file is bundled into the mini-program.
 */

/** Fewer complaints than this and the figures would say more about chance than about the business. */
export const FIGURES_MIN_COMPLAINTS = 5

export const ENTERPRISE_PAGE_SIZE = 20
export const ENTERPRISE_QUERY_MAX = 50
export const PROMISE_MAX = 30
export const PROMISES_MAX = 10

/** A public service number: landline (010-65001234), 400/800 number or mobile. */
export const CONTACT_PHONE_PATTERN = /^(0\d{2,3}-\d{7,8}|[48]00-?\d{3}-?\d{4}|1[3-9]\d{9})$/

/** The badge shown beside a business that takes part in the ODR green channel. */
export const ODR_BADGE = '绿色通道'

export const FIGURES_NOT_ENOUGH_NOTE = `收到的投诉少于 ${FIGURES_MIN_COMPLAINTS} 件，数据太少，暂不计算处理情况，以免以偏概全。`

export const FIGURE_DEFINITIONS = {
  complaintsReceived: '通过本平台对该企业提交的全部投诉（含已撤回的）。',
  medianFirstResponse: '从投诉提交到企业或消协第一次答复所用时间的中位数（一半的投诉比这更快）。',
  settlementRate: '已结束的投诉中，和解或调解成功的比例；消费者自行撤回的不计入。',
  performance: '和解、调解成功只是“纸面上”的结果；“已履行”是消费者在履行期限到后确认钱或货已经收到的件数，“未履行”是消费者说没收到、只收到一部分或到期没有确认的件数。',
  averageRating: '消费者在投诉结束后给出的满意度评分（1–5 分）的平均值。',
} as const

/** The two ways a complaint can go; their deadlines come from the rules in force (rule-set.ts handlingPathDetail). */
export const HANDLING_PATH_TEXT = {
  odr: { title: '企业绿色通道' },
  association: { title: '消协调解' },
} as const

export const NOT_IN_DIRECTORY_NOTE = '这家商家不在企业名录中，投诉将直接交给消协调解。'

/** 5.5 → "5.5 小时", 72 → "3 天": hours under two days, days after that. */
export function formatDuration(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} 分钟`
  if (hours < 48) return `${Math.round(hours * 10) / 10} 小时`
  return `${Math.round((hours / 24) * 10) / 10} 天`
}

/** 0.8 → "80%". */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 100)}%`
}

/** "广东省/深圳市/南山区" from parts, without repeating a municipality (北京市/北京市 → 北京市). */
export function regionText(parts: { province: string | null; city: string | null; district: string | null }): string {
  const list = [parts.province, parts.city, parts.district].filter((p): p is string => !!p)
  return list.filter((p, i) => p !== list[i - 1]).join('/')
}
