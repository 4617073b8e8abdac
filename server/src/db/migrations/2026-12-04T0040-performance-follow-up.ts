import { type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
//
// Performance follow-up (履行回访, issue #17). One row per complaint whose settlement (an accepted ODR
// proposal or a signed mediation agreement) has a due date; the row walks scheduled → asked →
// performed / unperformed (→ scheduled again or closed_unperformed). Every period comes from the case's
// rule set: each rule set code gets a new version carrying a `performance` section (earlier versions stay
// as they were; a case filed under one follows the newest version of its code that has the section).

/** Searched on 2026-12-04 (search tool, pages/docs): no article on 回访 periods was found. */
const PLATFORM = { title: '维权通履行回访做法（平台规则，不是法律条文）', url: null }
const S2026_DRAFT = {
  title: 'Digital Policy Alert：市场监管总局就《市场监督管理投诉举报处理办法（征求意见稿）》征求意见（2025-08-06 至 2025-09-05）',
  url: 'https://digitalpolicyalert.org/event/32600-state-administration-for-market-regulation-opened-consultation-on-draft-measures-for-handling-market-supervision-and-administration-complaints-and-reports',
}

const SEARCHED =
  '2026-12-04 检索《市场监督管理投诉举报处理办法》（2019 暂行办法与 2026 办法）和中国消费者协会受理投诉的规则，未查到回访或履行确认的期限条文'

function performance(source: { title: string; url: string | null }, lawNote: string) {
  const period = (days: number, dayKind: 'working' | 'calendar', text: string) => ({ days, dayKind, text, article: null, quote: null, verified: false, note: `本平台做法，不是法律规定。${lawNote}`, source })
  return {
    answer: period(5, 'working', '履行期限届满时请消费者确认钱或货是否收到；{days} 个工作日内没有回答的，按未履行转调解员跟进'),
    unperformed: period(10, 'working', '消费者反映未履行（没收到、部分收到或到期未确认）的，调解员在 {days} 个工作日内跟进处理'),
    reopen: period(30, 'calendar', '消费者确认收到后 {days} 日内，发现商家没有履行的，可以重新打开投诉'),
  }
}

const PERFORMANCE: Record<string, ReturnType<typeof performance>> = {
  'samr-2026': performance(S2026_DRAFT, `${SEARCHED}；新闻稿与征求意见稿说明确认新办法新增“投诉处理后回访”的要求，但期限条文未能检索到。`),
  'samr-2019': performance(PLATFORM, `${SEARCHED}。`),
  association: performance(PLATFORM, `${SEARCHED}。`),
}

const AT = '2026-12-04T00:40:00.000Z'
const idOf = (code: string) => `${code}-performance`

export async function up(db: Kysely<any>): Promise<void> {
  for (const [code, section] of Object.entries(PERFORMANCE)) {
    const latest = await db.selectFrom('rule_sets').selectAll().where('code', '=', code).orderBy('version', 'desc').limit(1).executeTakeFirst()
    if (!latest) continue
    const content = { ...JSON.parse(latest.content), performance: section }
    await db
      .insertInto('rule_sets')
      .values({ ...latest, id: idOf(code), version: Number(latest.version) + 1, content: JSON.stringify(content), created_by: null, created_at: AT })
      .execute()
  }

  await db.schema
    .createTable('performance_follow_ups')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey().references('complaints.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('consumer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enterprise_id', 'text')
    // Who follows a 未履行 case up: the agreement's mediator, else the case's assignee; null: the holding organization.
    .addColumn('mediator_id', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('ask_at', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text')
    .addColumn('answer_due_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('partial_note', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('unperformed_reason', 'text')
    .addColumn('unperformed_at', 'text')
    .addColumn('handle_due_at', 'text')
    .addColumn('handle_overdue_at', 'text')
    .addColumn('performed_at', 'text')
    .addColumn('reopen_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // The sweeps: due questions (state scheduled by ask_at), unanswered ones (asked by answer_due_at),
  // and the staff list of 未履行 cases by their deadline (unperformed by handle_due_at).
  await db.schema.createIndex('performance_follow_ups_ask').on('performance_follow_ups').columns(['state', 'ask_at']).execute()
  await db.schema.createIndex('performance_follow_ups_answer_due').on('performance_follow_ups').columns(['state', 'answer_due_at']).execute()
  await db.schema.createIndex('performance_follow_ups_handle_due').on('performance_follow_ups').columns(['state', 'handle_due_at']).execute()
  // An enterprise's public figures: performed and unperformed settlements counted per state.
  await db.schema.createIndex('performance_follow_ups_enterprise').on('performance_follow_ups').columns(['enterprise_id', 'state']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('performance_follow_ups').execute()
  await db.deleteFrom('rule_sets').where('id', 'in', Object.keys(PERFORMANCE).map(idOf)).execute()
}
