import { useCallback, useRef, useState } from 'react'
import type { ComplaintSummary } from '@/contract/complaint'
import { errorMessage } from '@/lib/http'
import { listComplaints } from '../api/list-complaints'

export type ListFilter = 'open' | 'closed'

/** A complaint that closed within this many days still shows under 处理中, so it does not vanish unexplained. */
export const RECENTLY_CLOSED_DAYS = 7

/** Closed complaints last changed (closed, or rated since) within RECENTLY_CLOSED_DAYS of `now`. */
export function recentlyClosed(closed: readonly ComplaintSummary[], now: number): ComplaintSummary[] {
  const since = now - RECENTLY_CLOSED_DAYS * 86_400_000
  return closed.filter((c) => Date.parse(c.updatedAt) >= since)
}

/** My complaints, newest first, a page at a time (cursor paging). */
export function useComplaintList() {
  const [filter, setFilter] = useState<ListFilter>('open')
  const [items, setItems] = useState<ComplaintSummary[]>([])
  const [closedLately, setClosedLately] = useState<ComplaintSummary[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [problem, setProblem] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreProblem, setMoreProblem] = useState('')
  // Answers to an older request (another tab, an earlier refresh) are dropped.
  const generation = useRef(0)

  const reload = useCallback(async (which: ListFilter, quiet = false) => {
    const mine = ++generation.current
    if (!quiet) setPhase('loading')
    setMoreProblem('')
    try {
      // Beside 处理中, the first page of 已结束 (newest first) tells which closed lately; it is only a hint.
      const [page, closed] = await Promise.all([
        listComplaints({ state: which }),
        which === 'open' ? listComplaints({ state: 'closed' }).catch(() => null) : null,
      ])
      if (mine !== generation.current) return
      setClosedLately(closed ? recentlyClosed(closed.items, Date.now()) : [])
      setItems(page.items)
      setNextCursor(page.nextCursor)
      setPhase('ready')
    } catch (error) {
      if (mine !== generation.current) return
      setProblem(errorMessage(error))
      setPhase(quiet && items.length ? 'ready' : 'error')
      if (quiet && items.length) setMoreProblem(errorMessage(error))
    }
  }, [items.length])

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore || phase !== 'ready') return
    const mine = generation.current
    setLoadingMore(true)
    setMoreProblem('')
    try {
      const page = await listComplaints({ state: filter, cursor: nextCursor })
      if (mine !== generation.current) return
      setItems((known) => [...known, ...page.items.filter((c) => !known.some((k) => k.id === c.id))])
      setNextCursor(page.nextCursor)
    } catch (error) {
      if (mine === generation.current) setMoreProblem(errorMessage(error))
    } finally {
      setLoadingMore(false)
    }
  }, [filter, loadingMore, nextCursor, phase])

  const choose = useCallback(
    (which: ListFilter) => {
      setFilter(which)
      setItems([])
      setNextCursor(null)
      void reload(which)
    },
    [reload],
  )

  return { filter, choose, items, closedLately, nextCursor, phase, problem, loadingMore, moreProblem, reload, loadMore }
}
