import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database'
import { htmlToText, sanitizeWarningHtml } from '../modules/warnings/warning-html'
import { syncWarningTerms } from '../modules/warnings/warning-terms'
import { findWarning } from '../modules/warnings/warnings.repository'
import { WARNING_SEEDS } from './warnings-content'

const DAY_MS = 24 * 3600 * 1000

/**
 * The starting warnings, matched by title: a missing one is added as published, dated
 * `publishedDaysAgo` before now; an existing one (perhaps edited by staff) is left alone.
 * Urgent ones count as already announced, so seeding sends no notifications.
 */
export async function seedWarnings(db: Db, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('warnings').select('title').execute()).map((row) => row.title))
    for (const seed of WARNING_SEEDS) {
      if (existing.has(seed.title)) continue
      const publishedAt = new Date(now.getTime() - seed.publishedDaysAgo * DAY_MS).toISOString()
      const bodyHtml = sanitizeWarningHtml(seed.bodyHtml)
      const id = randomUUID()
      await trx
        .insertInto('warnings')
        .values({
          id,
          kind: seed.kind,
          title: seed.title,
          summary: seed.summary,
          body_html: bodyHtml,
          body_text: htmlToText(bodyHtml),
          industry: seed.industry,
          regions: JSON.stringify(seed.regions),
          urgent: seed.urgent ? 1 : 0,
          cover_image_id: null,
          issuer: seed.issuer,
          status: 'published',
          published_at: publishedAt,
          urgent_notified_at: seed.urgent ? publishedAt : null,
          created_by: null,
          source_report_id: null,
          created_at: publishedAt,
          updated_at: publishedAt,
        })
        .execute()
      await syncWarningTerms(trx, (await findWarning(trx, id))!)
    }
  })
}
