import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Question } from '@/contract/lawyer-qa'
import { AnswerActions } from './answer-actions'
import { AnswerView } from './answer-view'
import { formatWhen } from './when'

/** A question as its asker, the lawyer on duty or staff see it: text, photos, and the answer if any. */
export function QuestionCard({ question, children, onFileComplaint }: { question: Question; children?: React.ReactNode; onFileComplaint?: (question: Question) => void }) {
  const urls = question.photos.map((p) => p.displayUrl)
  return (
    <View className='card qa-question' aria-label={`${question.sessionTitle}的问题`}>
      <View className='qa-session__head'>
        <Text className='qa-muted-title'>
          {question.sessionTitle} · {question.sessionTheme}
        </Text>
        <Text className={`qa-badge ${question.status === 'answered' ? 'qa-badge--open' : ''}`}>{question.status === 'answered' ? '已解答' : '等待律师解答'}</Text>
      </View>
      {question.businessName && <Text className='qa-line'>涉及商家：{question.businessName}</Text>}
      <Text className='qa-question__text'>{question.text}</Text>
      {urls.length > 0 && (
        <View className='qa-photos'>
          {question.photos.map((photo, index) => (
            <Image key={photo.id} className='qa-photo' src={photo.thumbnailUrl} mode='aspectFill' nativeProps={{ alt: `提问的照片 ${index + 1}，点一下放大` }} onClick={() => void Taro.previewImage({ urls, current: urls[index] })} />
          ))}
        </View>
      )}
      <Text className='qa-line muted'>
        {formatWhen(question.createdAt)} 提问 · {question.allowPublish ? '同意匿名公开' : '不公开'}
        {question.published ? ' · 已公开' : ''}
      </Text>
      {question.answer && <AnswerView text={question.answer.text} citations={question.answer.citations} nextSteps={question.answer.nextSteps} lawyer={`${question.answer.lawyerName}（${question.answer.lawyerFirm}）`} />}
      {question.answer && <AnswerActions question={question} onFileComplaint={onFileComplaint} />}
      {children}
    </View>
  )
}
