import { chinaToday } from '@/contract/complaint-rules'
import {
  CONDITIONS_MAX,
  RETURN_DAYS_MAX,
  RETURN_DAYS_MIN,
  STORE_ADDRESS_MAX,
  STORE_NAME_MAX,
  textLength,
  type SignReturnCommitmentRequest,
} from '@/contract/return-commitment'

/** The choices offered: at least the seven days online shoppers get by law, at most thirty. */
export const DAY_CHOICES = [RETURN_DAYS_MIN, 10, 15, 20, RETURN_DAYS_MAX]

export type Form = Omit<SignReturnCommitmentRequest, 'confirmed' | 'latitude' | 'longitude'> & { latitude: string; longitude: string }

export const emptyForm = (): Form => ({ storeName: '', storeAddress: '', region: '', latitude: '', longitude: '', days: 7, conditions: '商品完好，不影响二次销售，凭购物小票或付款记录', exclusions: [], exclusionNote: '', startsOn: chinaToday() })

/** What is wrong with the form, in the order the fields appear; null when it can be shown for confirmation. */
export function formProblem(form: Form): string | null {
  if (textLength(form.storeName) < 2 || textLength(form.storeName) > STORE_NAME_MAX) return `门店名称请填写 2–${STORE_NAME_MAX} 个字`
  if (textLength(form.storeAddress) < 4 || textLength(form.storeAddress) > STORE_ADDRESS_MAX) return `门店地址请填写 4–${STORE_ADDRESS_MAX} 个字`
  if (textLength(form.region) < 2) return '请填写所在地区，如 浙江省/杭州市/西湖区'
  if ((form.latitude.trim() === '') !== (form.longitude.trim() === '')) return '门店位置要同时填写纬度和经度，或都不填'
  if (form.latitude.trim() && (!Number.isFinite(Number(form.latitude)) || Math.abs(Number(form.latitude)) > 90 || !Number.isFinite(Number(form.longitude)) || Math.abs(Number(form.longitude)) > 180)) return '门店位置的经纬度不正确'
  if (textLength(form.conditions) < 2 || textLength(form.conditions) > CONDITIONS_MAX) return `退货条件请填写 2–${CONDITIONS_MAX} 个字`
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.startsOn) || form.startsOn < chinaToday()) return '开始日期不能早于今天'
  return null
}

export function toRequest(form: Form): SignReturnCommitmentRequest {
  const located = form.latitude.trim() !== ''
  return {
    storeName: form.storeName.trim(),
    storeAddress: form.storeAddress.trim(),
    region: form.region.trim(),
    ...(located ? { latitude: Number(form.latitude), longitude: Number(form.longitude) } : {}),
    days: form.days,
    conditions: form.conditions.trim(),
    exclusions: form.exclusions,
    ...(form.exclusionNote?.trim() ? { exclusionNote: form.exclusionNote.trim() } : {}),
    startsOn: form.startsOn,
    confirmed: true,
  }
}

