import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { RETURN_BADGE, type ReturnCommitment } from '@/contract/return-commitment'
import { storesOfEnterprise } from '../api/return-commitments'
import { STORE_PAGE } from './routes'
import './return-commitments.css'

/**
 * On an enterprise's public page: the 线下无理由退货承诺店 badge with its committed stores (tap one for the
 * terms and 一键投诉), and any revoked badge with the association's reason. Nothing when it never signed.
 */
export function ReturnBadge({ enterpriseId }: { enterpriseId: string }) {
  const [stores, setStores] = useState<ReturnCommitment[] | null>(null)
  useEffect(() => {
    storesOfEnterprise(enterpriseId).then((list) => setStores(list.items), () => setStores([]))
  }, [enterpriseId])
  if (!stores || stores.length === 0) return null
  const active = stores.filter((s) => s.status === 'active')
  const revoked = stores.filter((s) => s.status === 'revoked')
  return (
    <View className='card rc-badge-card'>
      {active.length > 0 && <Text className='rc-badge'>{RETURN_BADGE}</Text>}
      {active.map((store) => (
        <View key={store.id} className='rc-link' role='link' onClick={() => void Taro.navigateTo({ url: `${STORE_PAGE}?id=${encodeURIComponent(store.id)}` })}>
          <Text>{store.storeName}：{store.terms.days} 天无理由退货</Text>
          <Text className='rc-link__arrow'>›</Text>
        </View>
      ))}
      {revoked.map((store) => (
        <View key={store.id} className='rc-revoked'>
          <Text className='rc-revoked__title'>{store.storeName}的承诺店标识已被消协撤销</Text>
          <Text>原因：{store.revocation?.reason}</Text>
        </View>
      ))}
    </View>
  )
}
