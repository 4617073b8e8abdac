import { Text, View } from '@tarojs/components'
import type { PublicAnswer } from '@/contract/lawyer-qa'
import type { Segment } from '@/contract/warning'
import { AnswerView } from './answer-view'

/** A published question and answer; the search marks the term in the question. */
export function PublicAnswerCard({ answer, segments }: { answer: PublicAnswer; segments?: readonly Segment[] }) {
  return (
    <View className='card qa-question' aria-label={`${answer.sessionTitle}的问答`}>
      <Text className='qa-muted-title'>{answer.sessionTitle} · 网友提问</Text>
      <Text className='qa-question__text'>
        {segments
          ? segments.map((s, index) =>
              s.hit ? (
                <Text key={index} className='qa-hit'>
                  {s.text}
                </Text>
              ) : (
                s.text
              ),
            )
          : answer.question}
      </Text>
      <AnswerView text={answer.answer} citations={answer.citations} nextSteps={answer.nextSteps} lawyer={`${answer.lawyerName}（${answer.lawyerFirm}）`} />
    </View>
  )
}
