import type { StationRegion } from '@/contract/station'

/** The network's top has one child per province; a single-association deployment has only the top. */
export function childrenOf(regions: StationRegion[], parent: StationRegion | null): StationRegion[] {
  if (parent) return regions.filter((r) => r.parentId === parent.id)
  const tops = regions.filter((r) => r.parentId === null)
  const below = regions.filter((r) => tops.some((t) => t.id === r.parentId))
  return below.length > 0 ? below : tops
}
