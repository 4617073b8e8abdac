import { Button, Text, View } from '@tarojs/components'
import { DEMAND_LABELS, fenToYuan, INDUSTRY_LABELS } from '@/contract/complaint-rules'
import type { NewCourtCaseRequest } from '@/contract/court'

/** The confirmation before filing: a case is filed for the consumer and cannot be taken back here. */
export function NewCourtCaseReview({ request, submitting, problem, onSubmit, onBack }: { request: NewCourtCaseRequest; submitting: boolean; problem: string; onSubmit(): void; onBack(): void }) {
  const { referral, consumer, business } = request
  const lines: Array<[string, string]> = [
    ['委托法院', referral.courtName],
    ['法院案号', referral.courtCaseNumber],
    ['收到委托', referral.receivedOn],
    ['法院期限', referral.courtDeadline],
    ['消费者', `${consumer.name}（${consumer.phone}）`],
    ['商家', business.region ? `${business.name}（${business.region}）` : business.name],
    ['行业', INDUSTRY_LABELS[request.industry]],
    ['发生日期', request.incidentDate],
    ['涉及金额', `${fenToYuan(request.amountFen)} 元`],
    ['诉求', request.demands.map((d) => DEMAND_LABELS[d]).join('、')],
    ['经过', request.description],
  ]
  return (
    <View className='card court-new__review'>
      <Text className='section-title'>请核对后登记</Text>
      <Text className='court-card__note'>登记后将为这个手机号的消费者立案，案件归本组织，进入待受理；同一案号只能登记一次。</Text>
      {lines.map(([label, value]) => (
        <View key={label} className='court-new__line'>
          <Text className='court-new__label'>{label}</Text>
          <Text className='court-new__value'>{value}</Text>
        </View>
      ))}
      {problem && (
        <View role='alert' className='court-card__error'>
          <Text>{problem}</Text>
        </View>
      )}
      <Button className='btn btn-primary' loading={submitting || undefined} disabled={submitting || undefined} onClick={onSubmit}>
        确认登记并立案
      </Button>
      <Button className='btn btn-secondary' disabled={submitting || undefined} onClick={onBack}>
        返回修改
      </Button>
    </View>
  )
}
