/**
 * What a complaint may contain, shared by the filing screens (inline errors) and the server
 * (schemas and checks). No Taro and no TypeBox imports: this file is bundled into the mini-program.
 */

export const INDUSTRY_LABELS = {
  food: '食品',
  prepaid: '预付式消费',
  education: '教育培训',
  online_shopping: '网络购物',
  auto: '汽车',
  telecom: '通信',
  beauty: '美容美发',
  health_products: '保健品',
  renovation: '房屋装修',
  travel: '旅游',
  appliances: '家电',
  finance: '金融保险',
  other: '其他',
} as const
export type Industry = keyof typeof INDUSTRY_LABELS
export const INDUSTRIES = Object.keys(INDUSTRY_LABELS) as Industry[]

export const DEMAND_LABELS = {
  return: '退货',
  refund: '退款',
  exchange: '换货',
  repair: '维修',
  compensation: '赔偿',
  apology: '道歉',
  other: '其他',
} as const
export type Demand = keyof typeof DEMAND_LABELS
export const DEMANDS = Object.keys(DEMAND_LABELS) as Demand[]

/** Header carrying the UUID the device made when the draft was created: retries return the same complaint. */
export const IDEMPOTENCY_HEADER = 'idempotency-key'
/** Any UUID in the 8-4-4-4-12 layout, as `crypto.randomUUID()` makes. */
export const IDEMPOTENCY_KEY_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

export const BUSINESS_NAME_MAX = 100
export const ADDRESS_MAX = 200
export const REGION_MAX = 60
export const DESCRIPTION_MIN = 20
export const DESCRIPTION_MAX = 2000
export const DEMAND_DETAIL_MAX = 200
export const MESSAGE_MAX = 1000
export const WITHDRAW_REASON_MAX = 200
export const MAX_PHOTOS = 9
/** Photos on one complaint over its whole life: 9 when filing, the rest added with later messages. */
export const MAX_PHOTOS_PER_COMPLAINT = 30
/** ¥10,000,000 in fen; above this an amount is certainly a typo. */
export const AMOUNT_MAX_FEN = 1_000_000_000
/** ¥100,000 in fen; above this the app asks whether the amount is right before going on. */
export const AMOUNT_CONFIRM_FEN = 10_000_000
/** 统一社会信用代码: 18 characters, no I, O, S, V, Z. */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
/** A complaint older than 3 years is outside the association's remit (诉讼时效). */
export const INCIDENT_MAX_AGE_YEARS = 3

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
/** Multipart form fields of POST /api/evidence besides the `file` part. */
export const EVIDENCE_FILE_FIELD = 'file'
/** Multipart field with what the phone read from the picked file before compressing it (JSON of EvidenceProvenance). */
export const EVIDENCE_PROVENANCE_FIELD = 'provenance'
export const EVIDENCE_MAX_PIXELS = 40_000_000
export const DISPLAY_LONG_EDGE = 1600
export const THUMBNAIL_LONG_EDGE = 400

/** Number of Unicode characters, so that one Chinese character counts as one. */
export function charCount(text: string): number {
  return Array.from(text).length
}

export function businessNameError(name: string): string | null {
  const n = charCount(name.trim())
  if (n === 0) return '请填写商家名称'
  if (n < 2) return '商家名称至少 2 个字'
  if (n > BUSINESS_NAME_MAX) return `商家名称不能超过 ${BUSINESS_NAME_MAX} 个字`
  return null
}

export function creditCodeError(code: string): string | null {
  const value = code.trim().toUpperCase()
  if (!value) return null
  return CREDIT_CODE_PATTERN.test(value) ? null : '统一社会信用代码应为 18 位数字或大写字母'
}

export function descriptionError(text: string): string | null {
  const n = charCount(text.trim())
  if (n === 0) return '请描述发生了什么'
  if (n < DESCRIPTION_MIN) return `请至少写 ${DESCRIPTION_MIN} 个字，还差 ${DESCRIPTION_MIN - n} 个字`
  if (n > DESCRIPTION_MAX) return `不能超过 ${DESCRIPTION_MAX} 个字，已超出 ${n - DESCRIPTION_MAX} 个字`
  return null
}

/** "12.5" → 1250. Null when the text is not an amount of yuan with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const value = text.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null
  const [yuan, fraction = ''] = value.split('.')
  return Number(yuan) * 100 + Number(fraction.padEnd(2, '0'))
}

export function fenToYuan(fen: number): string {
  const yuan = Math.floor(fen / 100)
  const cents = fen % 100
  return cents ? `${yuan}.${String(cents).padStart(2, '0')}` : String(yuan)
}

/** 9999999.99 → "9,999,999.99": a big amount read at a glance. */
export function groupedYuan(fen: number): string {
  const [yuan = '0', cents] = fenToYuan(fen).split('.')
  return yuan.replace(/\B(?=(\d{3})+$)/g, ',') + (cents ? `.${cents}` : '')
}

/** True when a valid amount is large enough to be worth a second look (an extra 0 is easily typed). */
export function amountNeedsConfirming(text: string): boolean {
  const fen = yuanToFen(text)
  return fen !== null && fen > AMOUNT_CONFIRM_FEN && fen <= AMOUNT_MAX_FEN
}

/** What an enterprise offers, in one line for notifications and the detail: 退赔 128.5 元，12月10日前做到. */
export function offerSummary(offer: { amountFen: number; promisedDate: string }): string {
  const [, m, d] = offer.promisedDate.split('-').map(Number)
  return `退赔 ${fenToYuan(offer.amountFen)} 元，${m}月${d}日前做到`
}

export function amountError(text: string): string | null {
  if (!text.trim()) return '请填写涉及金额，没有可填 0'
  const fen = yuanToFen(text)
  if (fen === null) return '金额只能是数字，最多两位小数'
  if (fen > AMOUNT_MAX_FEN) return '金额过大，请核对（上限 1000 万元）'
  return null
}

/** today is YYYY-MM-DD in China time. */
export function incidentDateError(date: string, today: string): string | null {
  if (!date) return '请选择发生日期'
  if (!DATE_PATTERN.test(date) || !isCalendarDate(date)) return '日期格式不正确'
  if (date > today) return '发生日期不能晚于今天'
  const [y, m, d] = today.split('-')
  const earliest = `${Number(y) - INCIDENT_MAX_AGE_YEARS}-${m}-${d}`
  if (date < earliest) return '超过 3 年的纠纷，消协一般不予受理，建议咨询律师'
  return null
}

/** False for dates that match the pattern but do not exist, such as 2026-02-30. */
function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
}

export function demandsError(demands: readonly string[], detail: string): string | null {
  if (demands.length === 0) return '请至少选择一项诉求'
  if (demands.includes('other') && !detail.trim()) return '选择“其他”时，请写明您的诉求'
  if (charCount(detail) > DEMAND_DETAIL_MAX) return `诉求说明不能超过 ${DEMAND_DETAIL_MAX} 个字`
  return null
}

export function photosError(count: number): string | null {
  return count > MAX_PHOTOS ? `最多上传 ${MAX_PHOTOS} 张照片` : null
}

/** A follow-up message needs words or at least one photo. */
export function messageError(text: string, photoCount: number): string | null {
  if (!text.trim() && photoCount === 0) return '请写下补充说明，或添加照片'
  if (charCount(text) > MESSAGE_MAX) return `补充说明不能超过 ${MESSAGE_MAX} 个字`
  return null
}

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
