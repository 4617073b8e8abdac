import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ComplaintReturnCommitment } from '@/contract/return-commitment'
import { commitmentOfComplaint } from '../api/return-commitments'
import { TermsView } from './terms-view'
import './return-commitments.css'

/** On a complaint's page (consumer, enterprise, staff): the store's commitment it was filed under, terms as of filing. */
export function ComplaintCommitment({ complaintId }: { complaintId?: string }) {
  const [commitment, setCommitment] = useState<ComplaintReturnCommitment | null>(null)
  useEffect(() => {
    if (!complaintId) return
    commitmentOfComplaint(complaintId).then((answer) => setCommitment(answer.commitment), () => setCommitment(null))
  }, [complaintId])
  if (!commitment) return null
  return (
    <View className='card rc-attached' aria-label='附带的无理由退货承诺'>
      <Text className='rc-attached__title'>拒绝退货 · 附带门店的无理由退货承诺</Text>
      <Text className='rc-line rc-line--strong'>
        {commitment.storeName}（{commitment.enterpriseName}）
      </Text>
      <Text className='rc-line'>地址：{commitment.storeAddress}</Text>
      <Text className='muted'>以下是投诉时门店承诺的条款（签署于 {commitment.signedAt.slice(0, 10)}）：</Text>
      <TermsView terms={commitment.terms} />
      {commitment.upheldAt && <Text className='rc-refusal__upheld'>消协已核实拒绝退货属实</Text>}
    </View>
  )
}
