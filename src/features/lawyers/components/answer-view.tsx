import { Text, View } from '@tarojs/components'
import type { Citation } from '@/contract/lawyer-qa'

/** A lawyer's answer: text, the laws it cites (unverified ones marked), suggested next steps. */
export function AnswerView({ text, citations, nextSteps, lawyer }: { text: string; citations: readonly Citation[]; nextSteps: readonly string[]; lawyer: string }) {
  return (
    <View className='qa-answer'>
      <Text className='qa-answer__who'>律师解答 · {lawyer}</Text>
      <Text className='qa-answer__text'>{text}</Text>
      {citations.length > 0 && (
        <View className='qa-answer__laws'>
          <Text className='qa-label'>法律依据</Text>
          {citations.map((c) => (
            <View key={c.code} className='qa-law'>
              <Text className='qa-law__name'>
                {c.law}
                {c.article}
                {!c.verified && <Text className='qa-law__unverified'>（条文待核实）</Text>}
              </Text>
              <Text className='qa-law__gist'>{c.gist}</Text>
            </View>
          ))}
        </View>
      )}
      {nextSteps.length > 0 && (
        <View className='qa-answer__steps'>
          <Text className='qa-label'>建议下一步</Text>
          {nextSteps.map((step, index) => (
            <Text key={step} className='qa-step'>
              {index + 1}. {step}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
