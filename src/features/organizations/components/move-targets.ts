import type { Organization, TransferKind } from '@/contract/organization'

/** The organizations a case held by `holderId` may move to: 移送 any other, 交办 a child, 提级 the parent. */
export function moveTargets(kind: TransferKind, organizations: readonly Organization[], holderId: string): Organization[] {
  const holder = organizations.find((o) => o.id === holderId)
  switch (kind) {
    case 'transfer':
      return organizations.filter((o) => o.id !== holderId)
    case 'hand_down':
      return organizations.filter((o) => o.parentId === holderId)
    case 'take_up':
      return organizations.filter((o) => holder?.parentId === o.id)
  }
}

/** How many targets the form lists at once; typing narrows a province's hundred associations down. */
export const TARGETS_SHOWN = 8
/** From this many targets on, the form offers a search box. */
export const SEARCH_FROM = 6

/** Targets whose name contains every word typed (e.g. “上城” or “杭州 上城”), in tree order. */
export function matchTargets(targets: readonly Organization[], query: string): Organization[] {
  const words = query.trim().split(/\s+/).filter(Boolean)
  return targets.filter((o) => words.every((w) => o.name.includes(w) || (o.regionCode ?? '').startsWith(w)))
}

/** Only while the association holds an open case before or during mediation. */
export const MOVABLE_STATUSES: ReadonlySet<string> = new Set(['awaiting_review', 'accepted', 'mediating'])

/** Whether `id` is `rootId` or below it: staff of rootId still see a case held by `id`. */
export function isWithin(organizations: readonly Organization[], id: string, rootId: string): boolean {
  const byId = new Map(organizations.map((o) => [o.id, o]))
  for (let current = byId.get(id); current; current = current.parentId ? byId.get(current.parentId) : undefined) {
    if (current.id === rootId) return true
  }
  return false
}
