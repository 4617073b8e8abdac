import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import { errorMessage } from '@/lib/http'
import { getComplaint } from '../api/get-complaint'

/** Loads one complaint (and reloads on pull-down); `problem` is the Chinese text to show when it fails. */
export function useComplaint(complaintId: string | undefined) {
  const [complaint, setComplaint] = useState<ComplaintDetail | null>(null)
  const [problem, setProblem] = useState('')

  const load = useCallback(async () => {
    if (!complaintId) return setProblem('没有找到这条投诉')
    try {
      setComplaint(await getComplaint(complaintId))
      setProblem('')
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }, [complaintId])

  // The answer to an action carries no 谁查看过 list: keep the one already shown rather than blank it.
  const showChanged = useCallback(
    (next: ComplaintDetail) => setComplaint((shown) => (next.viewers === undefined && shown?.viewers ? { ...next, viewers: shown.viewers } : next)),
    [],
  )

  useEffect(() => void load(), [load])
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))

  return { complaint, setComplaint: showChanged, problem, load }
}
