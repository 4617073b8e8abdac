import type { Db } from '../../db/database'
import { ViewCounter } from '../../db/view-counter'
import { addViews } from './warnings.repository'

export { scheduleViewFlushes, VIEW_FLUSH_MS } from '../../db/view-counter'

/** Warnings' views, added to warnings.view_count in one transaction per flush (see ViewCounter). */
export class WarningViewCounter extends ViewCounter {
  constructor(db: Db) {
    super((views) => addViews(db, views))
  }
}
