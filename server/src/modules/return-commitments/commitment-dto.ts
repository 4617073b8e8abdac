import type { ReturnCommitment, ReturnCommitmentTerms, ReturnExclusion } from '../../../../src/contract/return-commitment'
import type { Industry } from '../../../../src/contract/complaint-rules'
import type { CommitmentRow } from './return-commitments.repository'

export function termsOf(row: CommitmentRow): ReturnCommitmentTerms {
  return {
    days: Number(row.days),
    conditions: row.conditions,
    exclusions: JSON.parse(row.exclusions) as ReturnExclusion[],
    exclusionNote: row.exclusion_note,
    startsOn: row.starts_on,
  }
}

export function toCommitmentDto(row: CommitmentRow): ReturnCommitment {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    industry: row.enterprise_industry as Industry,
    enterpriseOdr: Number(row.enterprise_odr) === 1,
    storeName: row.store_name,
    storeAddress: row.store_address,
    region: row.region,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    terms: termsOf(row),
    status: row.status,
    signedAt: row.signed_at,
    revocation: row.status === 'revoked' && row.revoked_at ? { at: row.revoked_at, reason: row.revoked_reason ?? '', resignOn: row.resign_on ?? '' } : null,
  }
}

/** Opaque to the app: base64url of the last store's place in the region order. */
export function encodeStoreCursor(row: CommitmentRow): string {
  return Buffer.from(JSON.stringify([row.organization_path, row.store_name, row.id])).toString('base64url')
}

export function decodeStoreCursor(cursor: string): { path: string; name: string; id: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === 'string' && part.length > 0 && part.length < 200)) {
      const [path, name, id] = value as string[]
      return { path: path!, name: name!, id: id! }
    }
  } catch {
    // fall through
  }
  return null
}
