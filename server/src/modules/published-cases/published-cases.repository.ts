import type { Db } from '../../db/database'

/** The consumer's latest answer about publishing a case (publication_consents_complaint, newest first). */
export function latestConsentQuery(db: Db, complaintId: string) {
  return db.selectFrom('publication_consents').selectAll().where('complaint_id', '=', complaintId).orderBy('complaint_id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1)
}

export function findPublicationByComplaint(db: Db, complaintId: string) {
  return db.selectFrom('published_cases').selectAll().where('complaint_id', '=', complaintId).executeTakeFirst()
}

export function findPublication(db: Db, id: string) {
  return db.selectFrom('published_cases').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findReply(db: Db, publicationId: string) {
  return db.selectFrom('published_case_replies').selectAll().where('published_case_id', '=', publicationId).executeTakeFirst()
}

export function repliesOf(db: Db, publicationIds: readonly string[]) {
  if (publicationIds.length === 0) return Promise.resolve([])
  return db.selectFrom('published_case_replies').selectAll().where('published_case_id', 'in', [...publicationIds]).execute()
}

/** The public list, newest first (published_cases_public). */
export function publishedPageQuery(db: Db, limit: number) {
  return db.selectFrom('published_cases').selectAll().where('status', '=', 'published').orderBy('status').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit)
}

/** One enterprise's published cases, newest first (published_cases_enterprise). */
export function publishedOfEnterpriseQuery(db: Db, enterpriseId: string, limit: number) {
  return db
    .selectFrom('published_cases')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'published')
    .orderBy('enterprise_id')
    .orderBy('status')
    .orderBy('published_at', 'desc')
    .limit(limit)
}

/** What a liaison sees: its enterprise's proposed and published cases (published_cases_enterprise). */
export function casesForEnterpriseQuery(db: Db, enterpriseId: string) {
  return db.selectFrom('published_cases').selectAll().where('enterprise_id', '=', enterpriseId).where('status', 'in', ['proposed', 'published']).orderBy('enterprise_id').limit(100)
}

/** Replies waiting for moderation, oldest first (published_case_replies_queue), within an organization's subtree. */
export function pendingRepliesQuery(db: Db, path: string | null) {
  let query = db
    .selectFrom('published_case_replies as r')
    .innerJoin('published_cases as p', 'p.id', 'r.published_case_id')
    .select(['r.published_case_id', 'r.text', 'r.created_at', 'p.complaint_id', 'p.business_name'])
    .where('r.status', '=', 'pending')
  if (path !== null) query = query.where('r.organization_path', '>=', path).where('r.organization_path', '<', `${path.slice(0, -1)}0`)
  return query.orderBy('r.status').orderBy('r.created_at').limit(100)
}

/** The photos staff reviewed for publication, in order. */
export function publishedPhotos(db: Db, publicationId: string) {
  return db
    .selectFrom('published_case_photos as p')
    .innerJoin('evidence as e', 'e.id', 'p.evidence_id')
    .select(['e.id', 'e.display_key', 'p.position'])
    .where('p.published_case_id', '=', publicationId)
    .orderBy('p.position')
    .execute()
}

/** The consumer's own photos on a case (never the other side's). */
export function consumerPhotos(db: Db, complaintId: string, consumerId: string) {
  return db.selectFrom('evidence').select(['id', 'display_key']).where('complaint_id', '=', complaintId).where('owner_id', '=', consumerId).orderBy('created_at').limit(50).execute()
}

export function liaisonsOf(db: Db, enterpriseId: string) {
  return db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('role', '=', 'enterprise').where('disabled', '=', 0).execute()
}
