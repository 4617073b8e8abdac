import { Type, type Static } from '@sinclair/typebox'

// What a complaint's detail carries about a referral (已引导). Apart from referral.ts so that the
// mini-program's main package, which bundles the complaint schema, does not carry the destination list's.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

/** What the complaint shows once referred: the body as it was when staff chose it (kept on the event). */
export const ReferralGiven = Type.Object({
  code: Type.String(),
  name: Type.String(),
  scope: Type.String(),
  hotline: Nullable(Type.String()),
  website: Nullable(Type.String()),
  verified: Type.Boolean(),
  note: Nullable(Type.String()),
  staffNote: Nullable(Type.String()),
  referredAt: Type.String({ format: 'date-time' }),
})
export type ReferralGiven = Static<typeof ReferralGiven>

/** A destination staff may pick for this case, suggested ones (by industry or ground) first. */
export const ReferralOption = Type.Object({
  code: Type.String(),
  name: Type.String(),
  hotline: Nullable(Type.String()),
  scope: Type.String(),
  verified: Type.Boolean(),
  note: Nullable(Type.String()),
  suggested: Type.Boolean(),
})
export type ReferralOption = Static<typeof ReferralOption>

export const ComplaintReferral = Type.Object({
  given: Nullable(ReferralGiven),
  /** Only in staff's view while the case can still be referred; empty otherwise. */
  options: Type.Array(ReferralOption),
})
export type ComplaintReferral = Static<typeof ComplaintReferral>

