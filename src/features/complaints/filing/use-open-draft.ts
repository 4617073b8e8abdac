import { useEffect, useState } from 'react'
import { useDidHide, useUnload } from '@tarojs/taro'
import { errorMessage } from '@/lib/http'
import type { ComplaintDraft } from '../drafts/draft-model'
import { useFilingStore } from './use-filing-store'

export interface DraftOwner {
  id: string
  phone: string | null
}

/**
 * Opens (or creates) the draft named in the page URL and saves it when the page goes away; a new one
 * is filled from a lawyer's answer when the URL names the question (一键投诉).
 */
export function useOpenDraft(owner: DraftOwner, draftId: string | undefined, fromQuestion?: string): { draft: ComplaintDraft | null; problem: string | null } {
  const draft = useFilingStore((s) => s.draft)
  const open = useFilingStore((s) => s.open)
  const flush = useFilingStore((s) => s.flush)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!draftId) {
      setProblem('没有找到这份投诉草稿')
      return
    }
    open({ ownerId: owner.id, draftId, phone: owner.phone, fromQuestion }).catch((error: unknown) => setProblem(fromQuestion ? errorMessage(error) : '草稿读取失败，请返回后重试'))
  }, [open, owner.id, owner.phone, draftId, fromQuestion])

  useDidHide(() => void flush())
  useUnload(() => void flush())

  return { draft: draft && draft.id === draftId ? draft : null, problem }
}
