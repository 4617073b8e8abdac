import type { Station, StationHostKind, StationService, UpdateStationRequest } from '@/contract/station'

export interface StationDraft {
  organizationId: string
  name: string
  hostKind: StationHostKind
  hostName: string
  address: string
  latitude: string
  longitude: string
  openingHours: string
  phone: string
  services: StationService[]
}

export const draftOf = (station: Station | null, organizationId: string): StationDraft => ({
  organizationId: station?.organizationId ?? organizationId,
  name: station?.name ?? '',
  hostKind: station?.hostKind ?? 'community',
  hostName: station?.hostName ?? '',
  address: station?.address ?? '',
  latitude: station?.latitude?.toString() ?? '',
  longitude: station?.longitude?.toString() ?? '',
  openingHours: station?.openingHours ?? '周一至周五 9:00-17:00',
  phone: station?.phone ?? '',
  services: station?.services ?? ['consult', 'file_complaint'],
})

/** The form's fields as the API wants them, or the first problem in words. */
export function fieldsOf(draft: StationDraft): Omit<UpdateStationRequest, 'active'> | string {
  if (draft.name.trim().length < 2) return '请填写服务站名称（至少 2 个字）'
  if (draft.address.trim().length < 2) return '请填写地址'
  if (draft.openingHours.trim().length < 2) return '请填写开放时间，如 周一至周五 9:00-17:00'
  if (draft.phone.trim() && !/^[0-9+\- ]{5,20}$/.test(draft.phone.trim())) return '电话只能填数字和“-”，如 0571-88001234'
  if (draft.services.length === 0) return '请至少选一项能办的事'
  const latitude = draft.latitude.trim() ? Number(draft.latitude) : null
  const longitude = draft.longitude.trim() ? Number(draft.longitude) : null
  if ((latitude === null) !== (longitude === null)) return '纬度和经度要一起填写（或都不填）'
  if (latitude !== null && (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)) return '纬度应在 -90 到 90 之间'
  if (longitude !== null && (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)) return '经度应在 -180 到 180 之间'
  return {
    name: draft.name.trim(),
    hostKind: draft.hostKind,
    hostName: draft.hostName.trim() || null,
    address: draft.address.trim(),
    latitude,
    longitude,
    openingHours: draft.openingHours.trim(),
    phone: draft.phone.trim() || null,
    services: draft.services,
  }
}
