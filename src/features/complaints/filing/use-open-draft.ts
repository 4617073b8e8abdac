import { useEffect, useState } from 'react'
import { useDidHide, useUnload } from '@tarojs/taro'
import type { ComplaintDraft } from '../drafts/draft-model'
import { useFilingStore } from './use-filing-store'

export interface DraftOwner {
  id: string
  phone: string | null
}

/** Opens (or creates) the draft named in the page URL and saves it when the page goes away. */
export function useOpenDraft(owner: DraftOwner, draftId: string | undefined): { draft: ComplaintDraft | null; problem: string | null } {
  const draft = useFilingStore((s) => s.draft)
  const open = useFilingStore((s) => s.open)
  const flush = useFilingStore((s) => s.flush)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!draftId) {
      setProblem('没有找到这份投诉草稿')
      return
    }
    open({ ownerId: owner.id, draftId, phone: owner.phone }).catch(() => setProblem('草稿读取失败，请返回后重试'))
  }, [open, owner.id, owner.phone, draftId])

  useDidHide(() => void flush())
  useUnload(() => void flush())

  return { draft: draft && draft.id === draftId ? draft : null, problem }
}
