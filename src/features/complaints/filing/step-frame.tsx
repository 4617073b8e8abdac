import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { FILING_STEPS, STEP_COUNT } from '../drafts/draft-model'

interface Props {
  step: number
  /** Still loading the draft (null) or could not (problem). */
  ready: boolean
  problem?: string | null
  children?: ReactNode
  onBack?: () => void
  onNext: () => void
  nextText?: string
  nextBusy?: boolean
}

/** One filing screen: where you are (第 2 步，共 5 步), its one job, and 上一步 / 下一步. */
export function StepFrame({ step, ready, problem, children, onBack, onNext, nextText = '下一步', nextBusy }: Props) {
  const title = FILING_STEPS[step - 1]?.title ?? ''
  if (problem) {
    return (
      <View className='page'>
        <View className='card'>
          <PageState kind='empty' title={problem} description='已保存的草稿可以在“投诉”页继续填写' />
        </View>
      </View>
    )
  }
  return (
    <View className='page filing'>
      <View className='filing-progress' aria-label={`第 ${step} 步，共 ${STEP_COUNT} 步`}>
        <View className='filing-progress__bars'>
          {FILING_STEPS.map((s) => (
            <View key={s.step} className={`filing-progress__bar ${s.step <= step ? 'filing-progress__bar--done' : ''}`} />
          ))}
        </View>
        <Text className='filing-progress__text'>
          第 {step} 步，共 {STEP_COUNT} 步
        </Text>
      </View>
      <Text className='filing-title'>{title}</Text>
      {ready ? children : <PageState kind='loading' title='正在打开草稿…' />}
      {ready && (
        <View className='filing-nav'>
          {onBack && (
            <Button className='btn btn-plain filing-nav__back' onClick={onBack}>
              上一步
            </Button>
          )}
          {/* NOTE: no `loading` here: on H5 the Stencil button's spinner and a text change racing each other throw
              "insertBefore … not a child of this node"; the text itself says what is happening (正在提交…). */}
          <Button className='btn btn-primary filing-nav__next' disabled={nextBusy || undefined} onClick={onNext}>
            {nextText}
          </Button>
        </View>
      )}
      <Text className='muted filing-saved'>填写的内容会自动保存在本机，断网或退出也不会丢。</Text>
    </View>
  )
}
