import { randomUUID } from 'node:crypto'
import { CONSENT_TEXT_VERSION, REPLY_WINDOW_DAYS } from '../../../src/contract/published-case-rules'
import type { Db } from '../db/database'
import { syncCaseTerms } from '../modules/published-cases/case-terms'
import { findPii } from '../modules/published-cases/pii'
import { findUserByPhone } from '../modules/users/user.repository'

const DAY = 86_400_000
/** The fictional consumer of the demo figures (seed/demo-figures.ts). */
const DEMO_FIGURES_CONSUMER = '13800000099'
/** 孙处长 of the province association publishes the demo cases. */
const DEMO_PUBLISHER = '13800000011'

/** Two ended demo cases the (fictional) consumer agreed to publish, written as staff would. */
const SUMMARIES: Record<string, string> = {
  示例家电城:
    '一位消费者在示例家电城购买的空调安装后不制冷，多次报修未果，要求退货退款。消协受理后组织调解，商家同意退货并退还全部货款 2600 元。\n提示：大件家电安装调试后应当场试机，发现问题及时书面报修并保留记录。',
  示例教育培训:
    '一位家长为孩子在示例教育培训预交了一年课时费，机构中途更换授课老师并缩减课时，家长要求退还剩余费用。经消协调解，机构退还剩余课时费 4500 元。\n提示：预付式消费请签书面合同，写明课时、师资和退费办法，不要一次预交过多费用。',
}

/**
 * 个案公示 on a fresh start: two of the demo figures' ended cases, consent recorded at closure, published
 * after their reply window, so the public list and its search have something to show. Idempotent.
 */
export async function seedDemoPublishedCases(db: Db, now: Date): Promise<void> {
  const consumer = await findUserByPhone(db, DEMO_FIGURES_CONSUMER)
  const publisher = await findUserByPhone(db, DEMO_PUBLISHER)
  if (!consumer || !publisher) return
  for (const [business, summary] of Object.entries(SUMMARIES)) {
    if (findPii(summary).length > 0) throw new Error(`demo published case of ${business} carries personal details`)
    const complaint = await db
      .selectFrom('complaints')
      .selectAll()
      .where('consumer_id', '=', consumer.id)
      .where('business_name', '=', business)
      .where('status', '=', 'closed')
      .where('mediation_result', '=', 'succeeded')
      .orderBy('closed_at')
      .limit(1)
      .executeTakeFirst()
    if (!complaint || !complaint.closed_at) continue
    if (await db.selectFrom('published_cases').select('id').where('complaint_id', '=', complaint.id).executeTakeFirst()) continue
    const closedAt = Date.parse(complaint.closed_at)
    const notifiedAt = new Date(closedAt + 2 * DAY)
    const publishedAt = new Date(Math.min(notifiedAt.getTime() + (REPLY_WINDOW_DAYS + 1) * DAY, now.getTime())).toISOString()
    if (publishedAt < new Date(notifiedAt.getTime() + REPLY_WINDOW_DAYS * DAY).toISOString()) continue
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('publication_consents')
        .values({ id: randomUUID(), complaint_id: complaint.id, consumer_id: consumer.id, stage: 'closure', publish: 1, photos: 0, text_version: CONSENT_TEXT_VERSION, created_at: new Date(closedAt + DAY).toISOString() })
        .execute()
      const row = {
        id: randomUUID(),
        complaint_id: complaint.id,
        enterprise_id: complaint.enterprise_id,
        business_name: complaint.business_name,
        industry: complaint.industry,
        organization_path: complaint.organization_path ?? '/',
        status: 'published' as const,
        summary,
        proposed_by: publisher.id,
        notified_at: notifiedAt.toISOString(),
        reply_window_ends_at: new Date(notifiedAt.getTime() + REPLY_WINDOW_DAYS * DAY).toISOString(),
        published_by: publisher.id,
        published_at: publishedAt,
        withdrawn_at: null,
        created_at: notifiedAt.toISOString(),
        updated_at: publishedAt,
      }
      await trx.insertInto('published_cases').values(row).execute()
      await syncCaseTerms(trx, row)
    })
  }
}
