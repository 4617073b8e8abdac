import { Type, type Static } from '@sinclair/typebox'
import { ComplaintStatusSchema } from './complaint'
import { PHONE_PATTERN, SMS_CODE_PATTERN } from './rules'

/** 代办 (walk-in filing at a station counter): an operator files for a person who confirms by SMS code. */

export const PERSON_NAME_MAX = 20
/** How long after the person's confirmation the operator may still submit the complaint. */
export const WALK_IN_CONSENT_HOURS = 2
export const STATION_FIGURE_MONTHS_MAX = 24

const Id = Type.String({ minLength: 1, maxLength: 64 })

export const StartWalkInRequest = Type.Object(
  {
    phone: Type.String({ pattern: PHONE_PATTERN.source, description: '投诉人本人的手机号：验证码发到这个号码，投诉也归这个号码的账号' }),
    personName: Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX, pattern: '\\S', description: '投诉人姓名或称呼' }),
  },
  { additionalProperties: false },
)
export type StartWalkInRequest = Static<typeof StartWalkInRequest>

export const WalkInConsentRequest = Type.Object(
  { code: Type.String({ pattern: SMS_CODE_PATTERN.source, description: '投诉人手机收到并读给工作人员的 6 位验证码' }) },
  { additionalProperties: false },
)
export type WalkInConsentRequest = Static<typeof WalkInConsentRequest>

export const WalkInIdParams = Type.Object({ id: Id })

/** A counter photo (uploaded by the operator) taken for this filing: deleted with it if no complaint is filed. */
export const WalkInPhotoRequest = Type.Object({ evidenceId: Id }, { additionalProperties: false })
export type WalkInPhotoRequest = Static<typeof WalkInPhotoRequest>
export const WalkInPhotos = Type.Object({ photoCount: Type.Integer({ minimum: 0 }) })
export type WalkInPhotos = Static<typeof WalkInPhotos>

export const StationRef = Type.Object({ id: Type.String(), name: Type.String() })
export type StationRef = Static<typeof StationRef>

export const WalkInFiledComplaint = Type.Object({
  id: Type.String(),
  number: Type.String({ description: '投诉编号，读给投诉人或打印' }),
  status: ComplaintStatusSchema,
  businessName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})

/** One walk-in filing, from the SMS code sent to the complaint filed. */
export const WalkIn = Type.Object({
  id: Type.String(),
  station: StationRef,
  phone: Type.String(),
  personName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  /** When the person's code was accepted (their consent); null until then. */
  consentedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  complaint: Type.Union([WalkInFiledComplaint, Type.Null()]),
  /** Only when a code was just sent: wait this long before sending another. */
  resendAfterSeconds: Type.Optional(Type.Integer()),
})
export type WalkIn = Static<typeof WalkIn>

/** 本站代办记录: complaints filed at the caller's station, newest first. */
export const StationRecordsQuery = Type.Object(
  { cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
)
export const StationRecord = Type.Object({
  complaintId: Type.String(),
  number: Type.String(),
  status: ComplaintStatusSchema,
  businessName: Type.String(),
  personName: Type.String(),
  /** Masked, e.g. 138****1234: the list is read at a public counter. */
  phone: Type.String(),
  operatorName: Type.String(),
  filedAt: Type.String({ format: 'date-time' }),
})
export type StationRecord = Static<typeof StationRecord>
export const StationRecordList = Type.Object({ items: Type.Array(StationRecord), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type StationRecordList = Static<typeof StationRecordList>

export const MyStation = Type.Object({
  /** null: the caller is staff but works at no station (the workspace then shows no 代办 entry). */
  station: Type.Union([StationRef, Type.Null()]),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
})
export type MyStation = Static<typeof MyStation>

export const StationFiguresQuery = Type.Object(
  { months: Type.Optional(Type.Integer({ minimum: 1, maximum: STATION_FIGURE_MONTHS_MAX, description: '最近几个月（含本月，北京时间），默认 6' })) },
  { additionalProperties: false },
)
/** Cases filed at each station the caller may see, per China month. */
export const StationFigures = Type.Object({
  /** YYYY-MM, oldest first; `counts` of each station follow this order. */
  months: Type.Array(Type.String()),
  stations: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), organizationName: Type.String(), counts: Type.Array(Type.Integer()), total: Type.Integer() }),
  ),
})
export type StationFigures = Static<typeof StationFigures>
