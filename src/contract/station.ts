import { Type, type Static } from '@sinclair/typebox'

/** Who hosts a grassroots service station (服务站). */
export const StationHostKind = { Supermarket: 'supermarket', Community: 'community', Media: 'media', MarketRegulator: 'market_regulator', Other: 'other' } as const
export type StationHostKind = (typeof StationHostKind)[keyof typeof StationHostKind]
export const STATION_HOST_KINDS = Object.values(StationHostKind)
export const STATION_HOST_KIND_LABELS: Record<StationHostKind, string> = {
  supermarket: '超市/商场',
  community: '社区/村委会',
  media: '报社/媒体',
  market_regulator: '市场监管所',
  other: '其他',
}

/** What a station can do for a consumer who walks in. */
export const StationService = { Consult: 'consult', FileComplaint: 'file_complaint', Mediate: 'mediate', Returns: 'returns', Publicity: 'publicity' } as const
export type StationService = (typeof StationService)[keyof typeof StationService]
export const STATION_SERVICES = Object.values(StationService)
export const STATION_SERVICE_LABELS: Record<StationService, string> = {
  consult: '咨询',
  file_complaint: '代办投诉',
  mediate: '调解',
  returns: '受理退换货',
  publicity: '维权宣传',
}

/** Nearest-first lists stop at this many stations. */
export const NEARBY_LIMIT_MAX = 20
/** A region's stations come this many at a time. */
export const REGION_PAGE = 50

const StringEnum = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) })
const Id = Type.String({ minLength: 1, maxLength: 64 })
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()])

export const Station = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  name: Type.String(),
  hostKind: StringEnum<StationHostKind>(STATION_HOST_KINDS),
  hostName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  latitude: Nullable(Type.Number({ description: 'GCJ-02 纬度（微信 getLocation/openLocation 所用）' })),
  longitude: Nullable(Type.Number({ description: 'GCJ-02 经度' })),
  openingHours: Type.String({ description: '如 周一至周五 9:00-17:00' }),
  phone: Nullable(Type.String()),
  services: Type.Array(StringEnum<StationService>(STATION_SERVICES)),
  active: Type.Boolean(),
  /** Metres from the caller's position (nearest-first lists only), else null. */
  distanceMeters: Nullable(Type.Number()),
})
export type Station = Static<typeof Station>

export const StationList = Type.Object({
  items: Type.Array(Station),
  /** Region lists: the cursor of the next page, null at the end. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type StationList = Static<typeof StationList>

/**
 * GET /api/stations: either `latitude` and `longitude` (GCJ-02; nearest first) or `organizationId`
 * (the stations of that organization and every organization below it, by name).
 */
export const StationSearchQuery = Type.Object(
  {
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: NEARBY_LIMIT_MAX, default: 10 })),
    organizationId: Type.Optional(Id),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
)
export type StationSearchQuery = Static<typeof StationSearchQuery>

/** A region to pick (province → city → county): the organizations of the network. */
export const StationRegion = Type.Object({ id: Type.String(), name: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), depth: Type.Integer({ minimum: 0 }) })
export const StationRegionList = Type.Object({ items: Type.Array(StationRegion) })
export type StationRegion = Static<typeof StationRegion>
export type StationRegionList = Static<typeof StationRegionList>

const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}) })
export const STATION_PHONE_PATTERN = '^[0-9+\\- ]{5,20}$'

const StationFields = {
  name: Text(60, 2),
  hostKind: StringEnum<StationHostKind>(STATION_HOST_KINDS),
  hostName: Type.Optional(Nullable(Text(80))),
  address: Text(200, 2),
  latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  openingHours: Text(100, 2),
  phone: Type.Optional(Nullable(Type.String({ pattern: STATION_PHONE_PATTERN, description: '座机或手机，如 0571-88001234' }))),
  services: Type.Array(StringEnum<StationService>(STATION_SERVICES), { minItems: 1, maxItems: STATION_SERVICES.length, uniqueItems: true }),
}

export const CreateStationRequest = Type.Object({ organizationId: Id, ...StationFields }, { additionalProperties: false })
export type CreateStationRequest = Static<typeof CreateStationRequest>

/** The whole form (weapp has no PATCH); `active: false` takes the station off the public lists. */
export const UpdateStationRequest = Type.Object({ ...StationFields, active: Type.Boolean() }, { additionalProperties: false })
export type UpdateStationRequest = Static<typeof UpdateStationRequest>

export const StationIdParams = Type.Object({ id: Id })

/** "850 米" under a kilometre, "3.2 公里" below 10, "15 公里" beyond. */
export function distanceText(meters: number): string {
  if (meters < 1000) return `${Math.max(10, Math.round(meters / 10) * 10)} 米`
  const km = meters / 1000
  return km < 10 ? `${km.toFixed(1)} 公里` : `${Math.round(km)} 公里`
}

/** GET /api/staff/stations: the stations the caller looks after, and where a manager may add one. */
export const StaffStationList = Type.Object({
  items: Type.Array(Station),
  canManage: Type.Boolean(),
  /** The caller's organization and those below it (a new station belongs to one of them); empty for an operator. */
  organizations: Type.Array(StationRegion),
})
export type StaffStationList = Static<typeof StaffStationList>
