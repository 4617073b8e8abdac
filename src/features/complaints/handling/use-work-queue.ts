import { useCallback, useRef, useState } from 'react'
import type { WorkQueueResponse } from '@/contract/complaint-actions'
import { errorMessage } from '@/lib/http'

/**
 * A work queue read page by page, in the server's order (open first, nearest deadline first).
 * `reload` starts again from the top; `more` appends the next page. A reply for a queue that was
 * replaced in the meantime (another filter chosen) is dropped.
 */
export function useWorkQueue<Q>(fetchPage: (query: Q, cursor: string | undefined) => Promise<WorkQueueResponse>) {
  const [items, setItems] = useState<WorkQueueResponse['items'] | null>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)

  const reload = useCallback(
    async (query: Q, clear = false) => {
      const mine = ++generation.current
      if (clear) {
        setItems(null)
        setProblem('')
      }
      try {
        const page = await fetchPage(query, undefined)
        if (mine !== generation.current) return
        setItems(page.items)
        setNextCursor(page.nextCursor)
        setProblem('')
      } catch (error) {
        if (mine === generation.current) setProblem(errorMessage(error))
      }
    },
    [fetchPage],
  )

  const more = useCallback(
    async (query: Q) => {
      if (!nextCursor || loadingMore) return
      const mine = generation.current
      setLoadingMore(true)
      try {
        const page = await fetchPage(query, nextCursor)
        if (mine !== generation.current) return
        setItems((shown) => {
          const seen = new Set((shown ?? []).map((item) => item.id))
          return [...(shown ?? []), ...page.items.filter((item) => !seen.has(item.id))]
        })
        setNextCursor(page.nextCursor)
      } catch (error) {
        if (mine === generation.current) setProblem(errorMessage(error))
      } finally {
        setLoadingMore(false)
      }
    },
    [fetchPage, nextCursor, loadingMore],
  )

  return { items, problem, hasMore: nextCursor !== null, loadingMore, reload, more }
}
