import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ConsentState } from '@/contract/published-case'
import { CONSENT_TEXT, PHOTOS_CONSENT_TEXT, PUBLICATION_LEGAL_BASIS } from '@/contract/published-case-rules'
import { errorMessage } from '@/lib/http'
import { answerConsent, getConsent } from '../api/published-cases'
import { CASES_PAGE, chinaDay } from './when'
import './published-cases.css'

const BASIS = PUBLICATION_LEGAL_BASIS[0]!

/**
 * 个案公示 on the consumer's own case: when it has ended, asks again (同意公示 / 不同意); at any time
 * shows the answer and lets them withdraw (the case leaves the public list at once).
 */
export function ConsentPanel({ complaintId }: { complaintId: string }) {
  const [state, setState] = useState<ConsentState | null>(null)
  const [photos, setPhotos] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    getConsent(complaintId).then(
      (answer) => {
        setState(answer)
        setPhotos(answer.photos)
      },
      // Not the consumer's own case (or not signed in as them): nothing to show.
      () => setState(null),
    )
  }, [complaintId])

  async function answer(publish: boolean) {
    if (!publish && state?.published) {
      const { confirm } = await Taro.showModal({ title: '撤回公示同意', content: '撤回后，本案会立即从个案公示中撤下。确定撤回吗？', confirmText: '撤回', cancelText: '不撤回' })
      if (!confirm) return
    }
    setBusy(true)
    setProblem(null)
    try {
      setState(await answerConsent(complaintId, { publish, photos: publish && photos && state!.hasPhotos }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  if (!state || (!state.askNow && state.stage === null)) return null
  return (
    <View className='card pc' aria-label='个案公示'>
      <Text className='section-title'>个案公示（单独同意）</Text>
      {state.askNow ? (
        <>
          <Text className='pc-line'>您的投诉已经结束。是否同意消协把本案匿名公示？</Text>
          <Text className='pc-note'>{CONSENT_TEXT}</Text>
          {state.hasPhotos && (
            <View className={`check-row ${photos ? 'check-row--on' : ''}`} role='checkbox' aria-checked={photos} onClick={() => setPhotos(!photos)}>
              <Text className='check-row__box'>{photos ? '✓' : ''}</Text>
              <View className='check-row__text'>
                <Text>{PHOTOS_CONSENT_TEXT}</Text>
              </View>
            </View>
          )}
          <View className='pc-actions'>
            <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void answer(true)}>
              同意公示
            </Button>
            <Button className='btn btn-secondary' disabled={busy || undefined} onClick={() => void answer(false)}>
              不同意
            </Button>
          </View>
        </>
      ) : (
        <>
          <Text className='pc-line'>
            {state.publish ? `您已同意匿名公示本案${state.photos ? '（含照片）' : '（不含照片）'}` : '您没有同意公示本案'}
            {state.answeredAt ? `，${chinaDay(state.answeredAt)}` : ''}。{state.published ? '本案正在公示。' : ''}
          </Text>
          <View className='pc-actions'>
            {state.publish ? (
              <Button className='btn btn-secondary' disabled={busy || undefined} onClick={() => void answer(false)}>
                撤回同意，停止公示
              </Button>
            ) : (
              <Button className='btn btn-secondary' disabled={busy || undefined} onClick={() => void answer(true)}>
                改为同意公示
              </Button>
            )}
            {state.published && (
              <Button className='btn btn-plain' onClick={() => void Taro.navigateTo({ url: CASES_PAGE })}>
                查看个案公示
              </Button>
            )}
          </View>
        </>
      )}
      {problem && <Text className='field-error'>{problem}</Text>}
      <Text className='pc-note'>
        依据：《{BASIS.law}》{BASIS.article}：“{BASIS.text}”您可以随时撤回同意。
      </Text>
    </View>
  )
}
