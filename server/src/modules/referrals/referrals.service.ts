import type { Industry } from '../../../../src/contract/complaint-rules'
import type { ComplaintReferral, ReferralDestination, ReferralGiven } from '../../../../src/contract/referral'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { parseTextList, parseTextObject } from '../../json-text'
import { findReferralDestination, listReferralDestinations, type ReferralDestinationRow } from './referrals.repository'

export function toReferralDestination(row: ReferralDestinationRow): ReferralDestination {
  return {
    code: row.code,
    name: row.name,
    scope: row.scope,
    hotline: row.hotline,
    website: row.website,
    industries: parseTextList(row.industries),
    refusalGrounds: parseTextList(row.refusal_grounds),
    article: row.article,
    quote: row.quote,
    verified: Number(row.verified) === 1,
    note: row.note,
    source: row.source_title ? { title: row.source_title, url: row.source_url } : null,
  }
}

export async function referralDestinations(ctx: AppContext): Promise<ReferralDestination[]> {
  return (await listReferralDestinations(ctx.db)).map(toReferralDestination)
}

/** The destination staff chose, or 422 when there is no such body. */
export async function referralDestination(db: Db, code: string): Promise<ReferralDestination> {
  const row = await findReferralDestination(db, code)
  if (!row) throw new AppError(422, 'REFERRAL_DESTINATION_UNKNOWN')
  return toReferralDestination(row)
}

/** What the refer event keeps: the body as staff saw it, so the case keeps showing it unchanged. */
export function referralSnapshot(destination: ReferralDestination) {
  const { code, name, scope, hotline, website, verified, note } = destination
  return { code, name, scope, hotline, website, verified, note }
}

/** The referral recorded on the case's refer event (the last one, should there ever be two). */
export function givenReferral(events: ReadonlyArray<{ type: string; data: string | null; note: string | null; created_at: string }>): ReferralGiven | null {
  const event = [...events].reverse().find((e) => e.type === 'refer')
  const data = event ? parseTextObject(event.data) : null
  const destination = data?.destination as Record<string, unknown> | undefined
  if (!event || !destination || typeof destination.code !== 'string' || typeof destination.name !== 'string') return null
  const text = (value: unknown) => (typeof value === 'string' ? value : null)
  return {
    code: destination.code,
    name: destination.name,
    scope: text(destination.scope) ?? '',
    hotline: text(destination.hotline),
    website: text(destination.website),
    verified: destination.verified === true,
    note: text(destination.note),
    staffNote: event.note,
    referredAt: event.created_at,
  }
}

/**
 * Where staff could send this case, suggested ones first: those whose industries include the
 * complaint's; when none does, those listing a refusal ground of the case's own rule set.
 */
export function referralOptions(destinations: readonly ReferralDestination[], industry: Industry, groundCodes: readonly string[]): ComplaintReferral['options'] {
  const byIndustry = new Set(destinations.filter((d) => d.industries.includes(industry)).map((d) => d.code))
  const suggested = (d: ReferralDestination) => (byIndustry.size ? byIndustry.has(d.code) : d.refusalGrounds.some((g) => groundCodes.includes(g)))
  const options = destinations.map((d) => ({ code: d.code, name: d.name, hotline: d.hotline, scope: d.scope, verified: d.verified, note: d.note, suggested: suggested(d) }))
  return [...options.filter((o) => o.suggested), ...options.filter((o) => !o.suggested)]
}
