import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { chinaToday, DEMAND_LABELS, fenToYuan, INDUSTRY_LABELS, yuanToFen } from '@/contract/complaint-rules'
import { HANDLING_PATH_TEXT } from '@/contract/enterprise-rules'
import { CONSENT_TEXT, CONSENT_TITLE, PHOTOS_CONSENT_TEXT } from '@/contract/published-case-rules'
import { CheckRow } from '../check-row'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { createComplaint } from '../../api/create-complaint'
import { firstIncompleteStep, handlingPathOf, notUploadedText, photoState, toCreateRequest } from '../../drafts/draft-model'
import { chineseDate } from '../../receipt'
import { FILING_ROOT, goToStep } from '../navigation'
import { SourceQuestionNote } from '../source-question-note'
import { StepFrame } from '../step-frame'
import { useFilingStore } from '../use-filing-store'
import { useOpenDraft, type DraftOwner } from '../use-open-draft'
import { PhotoThumbs } from '../photo-thumbs'
import { CommitmentCard } from '../commitment-card'

type Phase = 'idle' | 'uploading' | 'sending'

interface Problem {
  text: string
  step?: number
  mine?: boolean
}

/** Resolves once no photo is being compressed or uploaded. */
function uploadsSettled(): Promise<void> {
  const idle = () => Object.keys(useFilingStore.getState().uploads).length === 0
  return new Promise((resolve) => {
    if (idle()) return resolve()
    const stop = useFilingStore.subscribe(() => {
      if (!idle()) return
      stop()
      resolve()
    })
  })
}

function Section({ title, step, draftId, children }: { title: string; step: number; draftId: string; children: React.ReactNode }) {
  return (
    <View className='card review'>
      <View className='review__head'>
        <Text className='review__title'>{title}</Text>
        <Button className='btn btn-plain review__edit' onClick={() => void goToStep(step, draftId, 5)}>
          修改
        </Button>
      </View>
      {children}
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='review__row'>
      <Text className='review__label'>{label}</Text>
      <Text className='review__value'>{value}</Text>
    </View>
  )
}

/** `beforeSubmit` runs first, synchronously, in the 提交投诉 tap (WeChat subscribe messages need a direct tap). */
export function ReviewStep({ owner, draftId, beforeSubmit }: { owner: DraftOwner; draftId?: string; beforeSubmit?: () => void }) {
  const { draft, problem: loadProblem } = useOpenDraft(owner, draftId)
  const uploads = useFilingStore((s) => s.uploads)
  const [phase, setPhase] = useState<Phase>('idle')
  const [problem, setProblem] = useState<Problem | null>(null)

  async function submit(afterReupload = false) {
    const store = useFilingStore.getState()
    if (!store.draft || (phase !== 'idle' && !afterReupload)) return
    setProblem(null)
    const incomplete = firstIncompleteStep(store.draft, chinaToday())
    if (incomplete) return setProblem({ text: `第 ${incomplete} 步还有内容没填好`, step: incomplete })

    setPhase('uploading')
    await uploadsSettled()
    const ready = useFilingStore.getState().draft
    if (!ready) return setPhase('idle')
    const notUploaded = ready.photos.filter((p) => photoState(p) !== 'uploaded')
    if (notUploaded.length) {
      setPhase('idle')
      return setProblem({ text: notUploadedText(notUploaded), step: 3 })
    }

    setPhase('sending')
    store.update((d) => void (d.submitUncertain = true))
    await store.flush()
    try {
      const filed = await createComplaint(toCreateRequest(ready), ready.idempotencyKey)
      await store.finish(filed)
      // A fresh page stack: going back from the result must not land on a draft that no longer exists.
      // merged=1: this filing was added to an open complaint (kept in the URL so a reload still says so).
      await Taro.reLaunch({ url: `${FILING_ROOT}/result/index?id=${encodeURIComponent(filed.id)}${filed.mergedRepeat ? '&merged=1' : ''}` })
    } catch (error) {
      setPhase('idle')
      const code = error instanceof ApiRequestError ? error.code : 'NETWORK_ERROR'
      const unknownOutcome = !(error instanceof ApiRequestError) || error.status === 0 || error.status >= 500
      if (unknownOutcome) {
        setProblem({ text: '网络不好，没有收到服务器的答复，投诉可能已经提交。请点“重新提交”：同一份投诉不会重复提交。' })
        return
      }
      store.update((d) => void (d.submitUncertain = false))
      if (code === 'EVIDENCE_INVALID' && !afterReupload) {
        // The server no longer has some photos (unused uploads are deleted after a day): send them again, then retry.
        store.reuploadAll()
        return void submit(true)
      }
      if (code === 'EVIDENCE_INVALID') {
        setProblem({ text: errorMessage(error), step: 3 })
      } else if (code === 'IDEMPOTENCY_KEY_REUSED') {
        setProblem({ text: '这份投诉之前已经提交过（后来又改过内容）。请到“我的投诉”查看已提交的那份。', mine: true })
      } else {
        setProblem({ text: errorMessage(error) })
      }
    }
  }

  const busyText = phase === 'uploading' ? '正在等照片上传完…' : phase === 'sending' ? '正在提交…' : undefined
  const uploading = Object.keys(uploads).length
  return (
    <StepFrame
      step={5}
      ready={!!draft}
      problem={loadProblem}
      onBack={() => draft && void goToStep(4, draft.id, 5)}
      onNext={() => {
        if (phase === 'idle') beforeSubmit?.()
        void submit()
      }}
      nextText={busyText ?? (draft?.submitUncertain ? '重新提交' : '提交投诉')}
      nextBusy={phase !== 'idle'}
    >
      {draft && (
        <View>
          <Text className='tip review__intro'>请核对以下内容，有误可以点“修改”。核对好后，点最下面的“提交投诉”。</Text>
          {draft.sourceQuestion && <SourceQuestionNote sessionTitle={draft.sourceQuestion.sessionTitle} />}
          <Section title='被投诉的商家' step={1} draftId={draft.id}>
            <Row label='商家名称' value={draft.business.name.trim()} />
            {!!draft.business.region.trim() && <Row label='所在地区' value={draft.business.region.trim()} />}
            {!!draft.business.address.trim() && <Row label='详细地址' value={draft.business.address.trim()} />}
            {!!draft.business.creditCode.trim() && <Row label='信用代码' value={draft.business.creditCode.trim()} />}
            <Row label='行业' value={draft.industry ? INDUSTRY_LABELS[draft.industry] : '未选择'} />
            {handlingPathOf(draft) && <Row label='处理方式' value={HANDLING_PATH_TEXT[handlingPathOf(draft)!].title} />}
          </Section>
          {draft.returnCommitment && <CommitmentCard commitment={draft.returnCommitment} />}
          <Section title='发生了什么' step={2} draftId={draft.id}>
            <Row label='发生日期' value={draft.incidentDate ? chineseDate(draft.incidentDate) : '未选择'} />
            <Row label='涉及金额' value={yuanToFen(draft.amountYuan) === null ? '未填写' : `${fenToYuan(yuanToFen(draft.amountYuan) ?? 0)} 元`} />
            <Row label='诉求' value={draft.demands.map((d) => DEMAND_LABELS[d]).join('、') || '未选择'} />
            {!!draft.demandDetail.trim() && <Row label='诉求说明' value={draft.demandDetail.trim()} />}
            <Text className='review__text'>{draft.description.trim()}</Text>
          </Section>
          <Section title={`证据照片（${draft.photos.length} 张）`} step={3} draftId={draft.id}>
            {draft.photos.length ? <PhotoThumbs files={draft.photos.map((p) => p.file)} /> : <Text className='muted'>没有照片</Text>}
            {uploading > 0 && <Text className='muted'>还有 {uploading} 张正在上传</Text>}
          </Section>
          <Section title='联系方式' step={4} draftId={draft.id}>
            <Row label='联系电话' value={draft.contactPhone} />
            <Row label='同意提供给商家' value={draft.consent ? '已同意' : '未同意'} />
          </Section>
          <View className='card review' id='field-publish-consent'>
            <Text className='review__title'>个案公示（单独同意，可不选）</Text>
            <CheckRow checked={!!draft.publishConsent} onChange={(on) => useFilingStore.getState().update((d) => {
                d.publishConsent = on
                if (!on) d.publishPhotos = false
              })}>
              <Text className='check-row__title'>{CONSENT_TITLE}</Text>
              <Text className='muted'>{CONSENT_TEXT}</Text>
            </CheckRow>
            {!!draft.publishConsent && draft.photos.length > 0 && (
              <CheckRow checked={!!draft.publishPhotos} onChange={(on) => useFilingStore.getState().update((d) => void (d.publishPhotos = on))}>
                <Text className='check-row__title'>{PHOTOS_CONSENT_TEXT}</Text>
              </CheckRow>
            )}
          </View>
          {problem && (
            <View className='card review__problem' role='alert'>
              <Text className='field-error'>{problem.text}</Text>
              {problem.step && (
                <Button className='btn btn-secondary review__fix' onClick={() => void goToStep(problem.step ?? 1, draft.id, 5)}>
                  去第 {problem.step} 步
                </Button>
              )}
              {problem.mine && (
                <Button className='btn btn-secondary review__fix' onClick={() => void Taro.switchTab({ url: '/pages/complaints/index' })}>
                  查看我的投诉
                </Button>
              )}
            </View>
          )}
        </View>
      )}
    </StepFrame>
  )
}
