import { useState } from 'react'
import Taro from '@tarojs/taro'
import { chinaToday } from '@/contract/complaint-rules'
import { stepErrors, type ComplaintDraft, type DraftField } from '../drafts/draft-model'
import { revealField } from './reveal-field'

/**
 * Errors appear under a field once it was left (blur) or after 下一步 was tapped, and then follow
 * every keystroke; nobody is shouted at while still typing their first word. A failed 下一步 also
 * brings the first wrong field on screen and focuses it (`focusOf` for the inputs' `focus` prop).
 */
export function useStepValidation(step: number, draft: ComplaintDraft | null) {
  const [attempted, setAttempted] = useState(false)
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set())
  const [focused, setFocused] = useState<DraftField | null>(null)
  const errors = draft ? stepErrors(draft, step, chinaToday()) : {}
  return {
    errors,
    errorOf: (field: DraftField) => (attempted || touched.has(field) ? errors[field] : undefined),
    // NOTE: undefined rather than false: on weapp Taro renders an input with any `focus` attribute
    // through another template (tmpl_*_focus), so the attribute is only there while it is needed.
    focusOf: (field: DraftField) => (focused === field ? true : undefined),
    touch(field: DraftField) {
      setFocused(null)
      setTouched((t) => (t.has(field) ? t : new Set([...t, field])))
    },
    /** True when the step may be left; otherwise shows every error and reveals the first. */
    check(): boolean {
      setAttempted(true)
      // stepErrors lists the fields in the order they appear on screen.
      const first = Object.keys(errors)[0] as DraftField | undefined
      if (!first) return true
      setFocused(first)
      // After the render that shows the error texts, so the scroll lands where they are.
      setTimeout(() => revealField(first), 50)
      void Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return false
    },
  }
}
