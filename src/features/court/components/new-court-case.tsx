import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NewCourtCaseResponse } from '@/contract/court'
import { PageState } from '@/components/page-state'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { getMyMediation, registerNewCourtCase } from '../api/court-api'
import { draftErrors, emptyDraft, placeServerError, toRequest, type CourtCaseDraft, type CourtCaseErrors } from '../new-court-case'
import { NewCourtCaseDone } from './new-court-case-done'
import { NewCourtCaseForm } from './new-court-case-form'
import { NewCourtCaseReview } from './new-court-case-review'
import './court.css'

type Step = 'form' | 'review' | 'done'

/** 登记法院委托案件 (a dispute never filed with us): fill in → check → filed, with the number to open. */
export function NewCourtCase({ onOpen }: { onOpen(complaintId: string): void }) {
  const [allowed, setAllowed] = useState<boolean | null>(null)
  const [loadProblem, setLoadProblem] = useState('')
  const [attempt, setAttempt] = useState(0)
  const [draft, setDraft] = useState<CourtCaseDraft>(() => emptyDraft())
  const [errors, setErrors] = useState<CourtCaseErrors>({})
  const [step, setStep] = useState<Step>('form')
  const [submitting, setSubmitting] = useState(false)
  const [filed, setFiled] = useState<NewCourtCaseResponse | null>(null)
  const [problem, setProblem] = useState('')

  useEffect(() => {
    let live = true
    setLoadProblem('')
    getMyMediation().then(
      (mine) => live && setAllowed(mine.canMediate),
      (error: unknown) => live && setLoadProblem(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [attempt])
  // Each step starts at its top (the form may have been scrolled down to its button).
  useEffect(() => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }), [step])

  if (loadProblem) return <PageState kind='error' description={loadProblem} onRetry={() => setAttempt((n) => n + 1)} />
  if (allowed === null) return <PageState kind='loading' />
  if (!allowed) return <PageState kind='empty' title='只有有调解权限的工作人员才能登记法院委托案件' />

  function change(patch: Partial<CourtCaseDraft>) {
    setDraft((d) => ({ ...d, ...patch }))
    // A corrected field stops showing its old complaint; the others keep theirs until the next check.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !(key in patch) && key !== 'general')))
  }

  function next() {
    const found = draftErrors(draft)
    setErrors(found)
    if (Object.keys(found).length === 0) {
      setProblem('')
      setStep('review')
    } else {
      void Taro.showToast({ title: '有几项需要修改', icon: 'none' })
    }
  }

  async function submit() {
    setSubmitting(true)
    setProblem('')
    try {
      setFiled(await registerNewCourtCase(toRequest(draft)))
      setStep('done')
    } catch (error) {
      const placed = error instanceof ApiRequestError ? placeServerError(error.code, error.message) : { general: errorMessage(error) }
      // A field's refusal (案号已登记, 日期不对…) goes back to the form beside that field; the rest shows here.
      if (placed.general) setProblem(placed.general)
      else {
        setErrors(placed)
        setStep('form')
      }
    } finally {
      setSubmitting(false)
    }
  }

  function another() {
    setDraft(emptyDraft())
    setErrors({})
    setFiled(null)
    setStep('form')
  }

  return (
    <View>
      {step === 'form' && (
        <>
          <Text className='court-card__note court-new__intro'>法院委托本会调解、但消费者没有在本会投诉过的纠纷，在这里按委托函登记：为消费者立案并记下法院的案号和期限。</Text>
          <NewCourtCaseForm draft={draft} errors={errors} onChange={change} onNext={next} />
        </>
      )}
      {step === 'review' && <NewCourtCaseReview request={toRequest(draft)} submitting={submitting} problem={problem} onSubmit={() => void submit()} onBack={() => setStep('form')} />}
      {step === 'done' && filed && <NewCourtCaseDone filed={filed} onOpen={onOpen} onAnother={another} />}
    </View>
  )
}
