import { useState } from 'react'
import Taro from '@tarojs/taro'
import { chinaToday } from '@/contract/complaint-rules'
import { stepErrors, type ComplaintDraft, type DraftField } from '../drafts/draft-model'

/**
 * Errors appear under a field once it was left (blur) or after 下一步 was tapped, and then follow
 * every keystroke; nobody is shouted at while still typing their first word.
 */
export function useStepValidation(step: number, draft: ComplaintDraft | null) {
  const [attempted, setAttempted] = useState(false)
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set())
  const errors = draft ? stepErrors(draft, step, chinaToday()) : {}
  return {
    errors,
    errorOf: (field: DraftField) => (attempted || touched.has(field) ? errors[field] : undefined),
    touch: (field: DraftField) => setTouched((t) => (t.has(field) ? t : new Set([...t, field]))),
    /** True when the step may be left; otherwise shows every error. */
    check(): boolean {
      setAttempted(true)
      const ok = Object.keys(errors).length === 0
      if (!ok) void Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return ok
    },
  }
}
