import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fenToYuan, INDUSTRY_LABELS } from '@/contract/complaint-rules'
import type { WalkIn } from '@/contract/walk-in'
import { errorMessage } from '@/lib/http'
import { WorkspaceShell } from '@/features/workspace'
import { CodeStep, FiledStep, PhoneStep, StepHeader, submitWalkIn } from '@/features/walk-in'
import { CounterPhotos } from './counter-photos'
import { DetailsForm, type WalkInDetails } from './details-form'
import '@/features/complaints/filing/filing.css'
import '@/features/walk-in/components/walk-in.css'

/** 代办投诉: 手机号 → 读出验证码 → 填写投诉 → 拍照 → 提交 → 投诉编号. */
export default function WalkInFilingPage() {
  const [step, setStep] = useState(0)
  const [walkIn, setWalkIn] = useState<WalkIn | null>(null)
  const [details, setDetails] = useState<WalkInDetails | null>(null)
  const [evidenceIds, setEvidenceIds] = useState<string[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  // Each step starts at its top (the previous one may have been scrolled down to its button).
  useEffect(() => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }), [step])

  function restart() {
    setWalkIn(null)
    setDetails(null)
    setEvidenceIds([])
    setProblem(null)
    setStep(0)
  }

  async function submit() {
    if (!walkIn || !details) return
    setSubmitting(true)
    setProblem(null)
    try {
      setWalkIn(await submitWalkIn(walkIn.id, { ...details, evidenceIds, contactPhone: walkIn.phone, consentToShare: true }))
      setStep(5)
    } catch (error) {
      // Safe to press again: one consent files one complaint.
      setProblem(errorMessage(error))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <WorkspaceShell role='staff' title='代办投诉' compact>
      {step < 5 && <StepHeader step={step} />}
      {step === 0 && (
        <PhoneStep
          onSent={(started) => {
            setWalkIn(started)
            setStep(1)
          }}
        />
      )}
      {step === 1 && walkIn && (
        <CodeStep
          walkIn={walkIn}
          onConfirmed={(confirmed) => {
            setWalkIn(confirmed)
            setStep(2)
          }}
          onRestart={restart}
        />
      )}
      {step === 2 && (
        <DetailsForm
          initial={details}
          onNext={(filled) => {
            setDetails(filled)
            setStep(3)
          }}
        />
      )}
      {step === 3 && walkIn && (
        <CounterPhotos
          walkInId={walkIn.id}
          onNext={(ids) => {
            setEvidenceIds(ids)
            setStep(4)
          }}
        />
      )}
      {step === 4 && walkIn && details && (
        <View className='card walk-in__step'>
          <Text className='walk-in__lead'>
            请和{walkIn.personName}核对一遍，提交后投诉归他本人（{walkIn.phone}）所有。
          </Text>
          <Text className='walk-in__review'>商家：{details.business.name}</Text>
          <Text className='walk-in__review'>
            行业：{INDUSTRY_LABELS[details.industry]} · 日期：{details.incidentDate} · 金额：{fenToYuan(details.amountFen)} 元
          </Text>
          <Text className='walk-in__review'>经过：{details.description}</Text>
          <Text className='walk-in__review'>照片：{evidenceIds.length} 张</Text>
          {problem && (
            <View role='alert'>
              <Text className='field-error'>{problem}</Text>
            </View>
          )}
          <Button className='btn btn-primary' loading={submitting || undefined} disabled={submitting || undefined} onClick={submit}>
            提交投诉
          </Button>
          <Button className='btn btn-plain walk-in__secondary' disabled={submitting || undefined} onClick={() => setStep(2)}>
            返回修改
          </Button>
        </View>
      )}
      {step === 5 && walkIn && <FiledStep walkIn={walkIn} onNext={restart} onDone={() => void Taro.navigateBack()} />}
    </WorkspaceShell>
  )
}
