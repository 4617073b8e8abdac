import type { StationFigures } from '../../../../src/contract/walk-in'
import type { AuthUser } from '../auth/auth.service'
import { chinaDate } from '../../china-time'
import type { AppContext } from '../../context'
import { staffScope, type StaffScope } from '../organizations/organization-scope'
import { stationMonthCountsQuery } from './walk-ins.repository'

/** The last `count` China months, oldest first, ending with the current one ('2026-12'). */
export function lastMonths(now: Date, count: number): string[] {
  const [year, month] = chinaDate(now).split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i)
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
  })
}

/**
 * Cases filed at each station in the given China months (oldest first), for staff of the station's
 * organization and of those above it; an operator who neither manages nor mediates sees their own station only.
 */
export async function stationCountsByMonth(ctx: AppContext, scope: StaffScope, months: readonly string[]): Promise<StationFigures> {
  const stationOnly = scope.stationId !== null && !scope.canManage && !scope.canMediate
  const rows = await stationMonthCountsQuery(
    ctx.db,
    { path: scope.organization.parent_id === null ? null : scope.organization.path, stationId: stationOnly ? scope.stationId : null },
    months[0]!,
    months.at(-1)!,
  ).execute()
  const stations = new Map<string, StationFigures['stations'][number]>()
  for (const row of rows) {
    let station = stations.get(row.id)
    if (!station) {
      station = { id: row.id, name: row.name, organizationName: row.organization_name, counts: months.map(() => 0), total: 0 }
      stations.set(row.id, station)
    }
    const at = row.month ? months.indexOf(row.month) : -1
    if (at >= 0) {
      station.counts[at] = Number(row.n)
      station.total += Number(row.n)
    }
  }
  return { months: [...months], stations: [...stations.values()] }
}

/** The station figures of the last `monthCount` months, for the caller's organization and below. */
export async function stationFigures(ctx: AppContext, user: AuthUser, monthCount = 6): Promise<StationFigures> {
  return stationCountsByMonth(ctx, await staffScope(ctx.db, user.id), lastMonths(ctx.now(), monthCount))
}
