import { Text, View } from '@tarojs/components'
import { RETURN_EXCLUSION_LABELS } from '@/contract/return-commitment'
import type { ComplaintDraft } from '../drafts/draft-model'

/** The commitment a 一键投诉 carries, with the terms the store signed, as the consumer will send it. */
export function CommitmentCard({ commitment }: { commitment: NonNullable<ComplaintDraft['returnCommitment']> }) {
  const { terms } = commitment
  const excluded = [...terms.exclusions.map((code) => RETURN_EXCLUSION_LABELS[code]), ...(terms.exclusionNote ? [terms.exclusionNote] : [])]
  return (
    <View className='card commitment-card' aria-label='附带的无理由退货承诺'>
      <Text className='commitment-card__title'>一键投诉 · 已附上门店的无理由退货承诺</Text>
      <Text className='commitment-card__line'>
        {commitment.storeName}（{commitment.enterpriseName}）
      </Text>
      <Text className='commitment-card__line'>地址：{commitment.storeAddress}</Text>
      <Text className='commitment-card__line'>承诺：购物之日起 {terms.days} 天内无理由退货（{terms.startsOn} 起）</Text>
      <Text className='commitment-card__line'>条件：{terms.conditions}</Text>
      <Text className='commitment-card__line'>不适用：{excluded.length ? excluded.join('；') : '无'}</Text>
      <Text className='muted'>这份承诺和条款会随投诉一起提交，消协会优先处理。换成别的商家时不再附带。</Text>
    </View>
  )
}
