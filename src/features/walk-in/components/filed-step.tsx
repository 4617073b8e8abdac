import { Button, Text, View } from '@tarojs/components'
import type { WalkIn } from '@/contract/walk-in'
import { spokenNumber } from './spoken-number'


/** The last step: the number, big, to read out or copy onto paper; the person also gets it in their messages. */
export function FiledStep({ walkIn, onNext, onDone }: { walkIn: WalkIn; onNext(): void; onDone(): void }) {
  const complaint = walkIn.complaint
  if (!complaint) return null
  return (
    <View className='card walk-in__step walk-in__filed' role='status'>
      <Text className='walk-in__done'>✓ 投诉已提交</Text>
      <Text className='muted'>投诉编号（请读给{walkIn.personName}听，或抄在纸上交给他）</Text>
      <Text className='walk-in__number' aria-label={`投诉编号 ${complaint.number}`}>
        {spokenNumber(complaint.number)}
      </Text>
      <Text className='walk-in__lead'>
        投诉归 {walkIn.personName}（{walkIn.phone}）本人所有。他用这个手机号登录维权通，在“投诉”里就能看到进度，消息里也有这条编号。
      </Text>
      <Text className='muted'>商家：{complaint.businessName}</Text>
      <Button className='btn btn-primary walk-in__next' onClick={onNext}>
        为下一位代办
      </Button>
      <Button className='btn btn-plain walk-in__secondary' onClick={onDone}>
        返回本站代办记录
      </Button>
    </View>
  )
}
