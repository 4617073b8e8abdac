import { Button, Text, View } from '@tarojs/components'
import type { NewCourtCaseResponse } from '@/contract/court'

export function NewCourtCaseDone({ filed, onOpen, onAnother }: { filed: NewCourtCaseResponse; onOpen(complaintId: string): void; onAnother(): void }) {
  const referral = filed.handOff.referral
  return (
    <View className='card court-new__done' role='status'>
      <Text className='court-tag'>法院委托</Text>
      <Text className='court-new__done-title'>已登记并立案</Text>
      <Text className='muted'>投诉编号</Text>
      <Text className='court-new__number'>{filed.complaintNumber}</Text>
      {referral && <Text className='court-card__line'>法院案号：{referral.courtCaseNumber}</Text>}
      {referral && <Text className='court-card__deadline'>法院期限：{referral.courtDeadline}</Text>}
      <Text className='court-card__note'>案件在处理队列的“待受理”中，带“法院委托”标记；消费者已收到通知。</Text>
      <Button className='btn btn-primary' onClick={() => onOpen(filed.complaintId)}>
        打开案件
      </Button>
      <Button className='btn btn-secondary' onClick={onAnother}>
        再登记一件
      </Button>
    </View>
  )
}
