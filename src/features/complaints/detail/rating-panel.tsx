import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import { ACTION_TEXT_MAX, RATING_MAX } from '@/contract/complaint-workflow'
import { takeAction } from '../api/take-action'
import { reportActionError } from '../handling/action-error'
import '../handling/handling.css'

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']
const STARS = Array.from({ length: RATING_MAX }, (_, i) => i + 1)

/** After the complaint has ended well or badly: 1–5 stars and an optional comment, once. */
export function RatingPanel({ complaint, onChanged, reload }: { complaint: ComplaintDetail; onChanged(c: ComplaintDetail): void; reload(): Promise<void> }) {
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)
  const rated = complaint.handling.rating

  if (rated) {
    return (
      <View className='card'>
        <Text className='section-title'>您的评价</Text>
        <Text className='stars__words'>
          {'★'.repeat(rated.stars)}
          {'☆'.repeat(RATING_MAX - rated.stars)} {WORDS[rated.stars]}
        </Text>
        {rated.comment && <Text className='review__text'>{rated.comment}</Text>}
      </View>
    )
  }

  async function send() {
    if (sending) return
    if (!stars) return setProblem('请点星星打分，1 颗星最差，5 颗星最好')
    setProblem('')
    setSending(true)
    try {
      onChanged(await takeAction(complaint.id, 'rate', comment.trim() ? { stars, comment: comment.trim() } : { stars }))
      void Taro.showToast({ title: '谢谢您的评价', icon: 'success' })
    } catch (error) {
      await reportActionError(error, reload)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card'>
      <Text className='section-title'>给这次处理打分</Text>
      <View className='stars' role='radiogroup' aria-label='评分'>
        {STARS.map((n) => (
          <View key={n} className={`star ${n <= stars ? 'star--on' : ''}`} role='radio' aria-checked={n === stars} aria-label={`${n} 颗星`} onClick={() => setStars(n)}>
            {n <= stars ? '★' : '☆'}
          </View>
        ))}
      </View>
      {stars > 0 && <Text className='stars__words'>{WORDS[stars]}</Text>}
      <Textarea className='field-textarea' value={comment} maxlength={ACTION_TEXT_MAX} placeholder='想说的话（可以不写）' aria-label='评价内容' onInput={(e) => setComment(e.detail.value)} />
      {problem && <Text className='field-error'>{problem}</Text>}
      <View className='action-form__buttons'>
        <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void send()}>
          {sending ? '正在提交…' : '提交评价'}
        </Button>
      </View>
    </View>
  )
}
