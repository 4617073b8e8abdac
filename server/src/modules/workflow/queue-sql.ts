import { sql } from 'kysely'
import { OPEN_STATUSES } from '../complaints/complaints.repository'

/** Sorts after every real ISO time, so complaints without a deadline come last on both databases. */
export const NO_DUE = '9999-12-31T23:59:59.999Z'

/**
 * Written with literals, not parameters: migration 2026-12-03T0013 indexes exactly these
 * expressions, and a database uses such an index only for the same text.
 */
export const openStatusList = sql.join(OPEN_STATUSES.map((status) => sql.lit(status)))
/** 0 for open complaints, 1 for the others; `rankExpr = 0` selects open ones through the queue indexes. */
export const rankExpr = sql<number>`case when status in (${openStatusList}) then 0 else 1 end`
export const isOpenExpr = sql<boolean>`${rankExpr} = 0`
export const dueExpr = sql<string>`coalesce(due_at, ${sql.lit(NO_DUE)})`
