/**
 * What a volunteer application and a field report may contain, shared by the volunteer screens
 * (labels, inline errors) and the server. No Taro and no TypeBox imports: this file is bundled
 * into the mini-program; the API schemas live in volunteer.ts and field-report.ts.
 */
import type { Industry } from './complaint-rules'

export const VOLUNTEER_APPLICATION_STATUS_LABELS = {
  pending: '审核中',
  approved: '已通过',
  declined: '未通过',
  revoked: '已撤销',
} as const
export type VolunteerApplicationStatus = keyof typeof VOLUNTEER_APPLICATION_STATUS_LABELS
export const VOLUNTEER_APPLICATION_STATUSES = Object.keys(VOLUNTEER_APPLICATION_STATUS_LABELS) as VolunteerApplicationStatus[]

export const VOLUNTEER_NAME_MAX = 30
export const VOLUNTEER_REGION_MAX = 60
export const VOLUNTEER_MOTIVATION_MAX = 500
export const DECISION_NOTE_MAX = 500

export const FIELD_REPORT_CATEGORY_LABELS = {
  price_tag: '明码标价缺失/价格欺诈',
  expired_food: '过期变质食品',
  false_ads: '虚假宣传',
  unlicensed: '无证无照经营',
  safety: '安全隐患',
  prepaid: '预付卡风险',
  other: '其他',
} as const
export type FieldReportCategory = keyof typeof FIELD_REPORT_CATEGORY_LABELS
export const FIELD_REPORT_CATEGORIES = Object.keys(FIELD_REPORT_CATEGORY_LABELS) as FieldReportCategory[]

/** The industry a complaint or warning converted from a report is filed under. */
export const FIELD_REPORT_CATEGORY_INDUSTRY: Record<FieldReportCategory, Industry> = {
  price_tag: 'other',
  expired_food: 'food',
  false_ads: 'other',
  unlicensed: 'other',
  safety: 'other',
  prepaid: 'prepaid',
  other: 'other',
}

export const FIELD_REPORT_STATUS_LABELS = {
  pending: '待审核',
  verified: '已核实',
  converted_complaint: '已转为投诉',
  converted_warning: '已转为警示',
  dismissed: '不予采纳',
} as const
export type FieldReportStatus = keyof typeof FIELD_REPORT_STATUS_LABELS
export const FIELD_REPORT_STATUSES = Object.keys(FIELD_REPORT_STATUS_LABELS) as FieldReportStatus[]

/** Staff may still act on a report in these states (a verified report may later be converted). */
export function isFieldReportOpen(status: FieldReportStatus): boolean {
  return status === 'pending' || status === 'verified'
}

export const FIELD_REPORT_MAX_PHOTOS = 9
export const FIELD_REPORT_BUSINESS_NAME_MAX = 100
export const FIELD_REPORT_ADDRESS_MAX = 200
export const FIELD_REPORT_REGION_MAX = 60
export const FIELD_REPORT_NOTES_MAX = 2000
/** Device clocks drift: an observed time up to this far ahead of the server is accepted. */
export const OBSERVED_AT_TOLERANCE_MS = 5 * 60 * 1000

export interface GeoPoint {
  latitude: number
  longitude: number
}

export function coordinatesError(point: GeoPoint): string | null {
  const { latitude, longitude } = point
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) return '纬度应在 -90 到 90 之间'
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) return '经度应在 -180 到 180 之间'
  return null
}

/** A report needs something to look at: at least one photo or a few words. */
export function fieldReportContentError(photoCount: number, notes: string | null | undefined): string | null {
  if (photoCount > FIELD_REPORT_MAX_PHOTOS) return `最多上传 ${FIELD_REPORT_MAX_PHOTOS} 张照片`
  if (photoCount === 0 && !(notes ?? '').trim()) return '请至少拍一张照片或写几句说明'
  return null
}

export function observedAtError(observedAt: string, now: Date): string | null {
  const at = Date.parse(observedAt)
  if (Number.isNaN(at)) return '发现时间格式不正确'
  if (at > now.getTime() + OBSERVED_AT_TOLERANCE_MS) return '发现时间不能晚于现在'
  return null
}
