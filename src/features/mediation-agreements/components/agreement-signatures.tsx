import { Text, View } from '@tarojs/components'
import type { Agreement } from '@/contract/mediation-agreement'
import { chinaDateTimeText } from './agreement-time'

const PARTY = { consumer: '消费者', business: '商家' } as const

/** Who signed which version when; voided ones struck through, so nobody mistakes them for current. */
export function AgreementSignatures({ agreement }: { agreement: Agreement }) {
  if (!agreement.signatures.length) return null
  return (
    <View className='agreement-signatures'>
      <Text className='section-title'>签署记录</Text>
      {agreement.signatures.map((s) => (
        <Text key={`${s.party}-${s.version}-${s.signedAt}`} className={`agreement-signatures__item${s.voidedAt ? ' agreement-signatures__item--void' : ''}`}>
          {`${PARTY[s.party]} ${s.signerName}：${chinaDateTimeText(s.signedAt)} 签署第 ${s.version} 版${s.voidedAt ? '（协议已修改，此签名作废）' : ''}`}
        </Text>
      ))}
    </View>
  )
}
