import { Type, type Static } from '@sinclair/typebox'
import { Evidence } from './evidence'
import {
  FINDING_APPEAL_MAX,
  FINDING_APPEAL_MIN,
  FINDING_CASES_MAX,
  FINDING_FACTS_MAX,
  FINDING_FACTS_MIN,
  FINDING_MONTHS_MAX,
  FINDING_MONTHS_MIN,
  FINDING_PHOTOS_MAX,
  FINDING_REASONS_MAX,
  FINDING_REASONS_MIN,
  FINDING_BASES,
  type FindingOutcome,
  type FindingState,
} from './bad-faith-finding-rules'

/** The schemas of the bad-faith findings API (失信惩戒认定); the app imports only types from this file. */
export * from './bad-faith-finding-rules'

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })
const Id = Type.String({ minLength: 1, maxLength: 64 })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

const StateSchema = StringEnum<FindingState>(['appeal_open', 'awaiting_decision', 'published', 'expired', 'rejected', 'lifted'])

export const FindingBasisSchema = Type.Object({
  code: Type.String(),
  document: Type.String(),
  article: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  verified: Type.Boolean(),
  source: Type.String(),
})

const EnterpriseRef = Type.Object({ id: Type.String(), name: Type.String() })

/** What anyone may read of a published finding: no staff names, text masked of phones, ID and card numbers. */
export const PublicFinding = Type.Object({
  id: Type.String(),
  enterprise: EnterpriseRef,
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  basis: FindingBasisSchema,
  facts: Type.String(),
  months: Type.Integer(),
  state: StateSchema,
  /** The enterprise's appeal, shortened; null when it did not answer in time. */
  appealSummary: Nullable(Type.String()),
  decisionReasons: Type.String(),
  caseCount: Type.Integer(),
  publishedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type PublicFinding = Static<typeof PublicFinding>

export const PublicFindingList = Type.Object({ items: Type.Array(PublicFinding) })
export type PublicFindingList = Static<typeof PublicFindingList>

const LinkedCase = Type.Object({ id: Type.String(), number: Type.String(), status: Type.String(), createdAt: Type.String() })

/** The whole record, for staff of the proposing organization (or above) and the enterprise's liaisons. */
export const Finding = Type.Object({
  id: Type.String(),
  enterprise: EnterpriseRef,
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  basis: FindingBasisSchema,
  facts: Type.String(),
  months: Type.Integer(),
  state: StateSchema,
  cases: Type.Array(LinkedCase),
  proposedBy: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
  appealDueAt: Type.String({ format: 'date-time' }),
  appeal: Type.Union([Type.Object({ text: Type.String(), at: Type.String({ format: 'date-time' }), photos: Type.Array(Evidence) }), Type.Null()]),
  decision: Type.Union([
    Type.Object({ outcome: StringEnum<FindingOutcome>(['publish', 'reject']), reasons: Type.String(), by: Type.String(), at: Type.String({ format: 'date-time' }) }),
    Type.Null(),
  ]),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  lift: Type.Union([
    Type.Object({ reason: Type.String(), requestedBy: Type.String(), requestedById: Type.String(), requestedAt: Type.String(), liftedBy: Nullable(Type.String()), liftedAt: Nullable(Type.String()) }),
    Type.Null(),
  ]),
  /** For staff: whether the caller may decide now (a different staff member with the permission, appeal in or window over). */
  canDecide: Type.Boolean(),
  /** For the enterprise: whether it may still appeal. */
  canAppeal: Type.Boolean(),
})
export type Finding = Static<typeof Finding>

export const FindingList = Type.Object({
  items: Type.Array(Finding),
  /** Staff: whether the caller holds the 失信认定 permission (the page shows the proposal form). */
  mayPropose: Type.Boolean(),
  me: Type.String(),
})
export type FindingList = Static<typeof FindingList>

export const FindingIdParams = Type.Object({ id: Id })
export const EnterpriseFindingParams = Type.Object({ id: Id })

export const ProposeFindingRequest = Type.Object(
  {
    enterpriseId: Id,
    basisCode: StringEnum(FINDING_BASES.map((basis) => basis.code)),
    facts: Type.String({ minLength: FINDING_FACTS_MIN, maxLength: FINDING_FACTS_MAX, description: `认定的事实，${FINDING_FACTS_MIN}–${FINDING_FACTS_MAX} 字` }),
    caseIds: Type.Array(Id, { minItems: 1, maxItems: FINDING_CASES_MAX, uniqueItems: true, description: '本会或下级组织办理的、针对该企业的投诉' }),
    months: Type.Integer({ minimum: FINDING_MONTHS_MIN, maximum: FINDING_MONTHS_MAX, description: '公示期限（月）' }),
  },
  { additionalProperties: false },
)
export type ProposeFindingRequest = Static<typeof ProposeFindingRequest>

export const AppealFindingRequest = Type.Object(
  {
    text: Type.String({ minLength: FINDING_APPEAL_MIN, maxLength: FINDING_APPEAL_MAX }),
    photoIds: Type.Array(Id, { maxItems: FINDING_PHOTOS_MAX, uniqueItems: true, description: `先上传的照片（POST /api/evidence），最多 ${FINDING_PHOTOS_MAX} 张` }),
  },
  { additionalProperties: false },
)
export type AppealFindingRequest = Static<typeof AppealFindingRequest>

export const DecideFindingRequest = Type.Object(
  {
    outcome: StringEnum<FindingOutcome>(['publish', 'reject']),
    reasons: Type.String({ minLength: FINDING_REASONS_MIN, maxLength: FINDING_REASONS_MAX, description: '理由，须回应企业的申辩' }),
  },
  { additionalProperties: false },
)
export type DecideFindingRequest = Static<typeof DecideFindingRequest>

export const LiftFindingRequest = Type.Object(
  { reason: Type.String({ minLength: FINDING_REASONS_MIN, maxLength: FINDING_REASONS_MAX, description: '提前撤销的理由（第二位工作人员确认时可重复或补充）' }) },
  { additionalProperties: false },
)
export type LiftFindingRequest = Static<typeof LiftFindingRequest>

export const FindingCaseCandidatesQuery = Type.Object({ enterpriseId: Id }, { additionalProperties: false })
export const FindingCaseCandidates = Type.Object({ items: Type.Array(LinkedCase) })
export type FindingCaseCandidates = Static<typeof FindingCaseCandidates>
