import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { RETURN_BADGE, type ReturnCommitment } from '@/contract/return-commitment'
import { errorMessage } from '@/lib/http'
import { uuid } from '@/lib/uuid'
import { getStore } from '../api/return-commitments'
import { openStoreMap } from '../location/open-map'
import { LawNote } from './law-note'
import { FILING_START } from './routes'
import { TermsView } from './terms-view'
import './return-commitments.css'

/** One committed store: the full terms it signed and, while the badge stands, 一键投诉 when it refuses a return. */
export function StoreDetail({ commitmentId }: { commitmentId: string }) {
  const [store, setStore] = useState<ReturnCommitment | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    setProblem(null)
    getStore(commitmentId).then(setStore, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [commitmentId])

  if (problem) return <PageState kind='error' description={problem} onRetry={load} />
  if (!store) return <PageState kind='loading' title='正在加载承诺…' />
  const located = store.latitude !== null && store.longitude !== null
  const complain = () =>
    void Taro.navigateTo({ url: `${FILING_START}?draft=${encodeURIComponent(uuid())}&commitment=${encodeURIComponent(store.id)}` })
  return (
    <View className='rc-detail'>
      <View className='card'>
        <Text className='rc-store__name'>{store.storeName}</Text>
        {store.status === 'active' ? <Text className='rc-badge'>{RETURN_BADGE}</Text> : <Text className='rc-revoked__title'>承诺店标识已被消协撤销</Text>}
        <Text className='rc-line'>{store.enterpriseName}</Text>
        <Text className='rc-line'>地址：{store.storeAddress}</Text>
        {located && (
          <Button className='btn btn-plain rc-action' onClick={() => openStoreMap(store)}>
            在地图上查看
          </Button>
        )}
      </View>
      {store.revocation && (
        <View className='card rc-revoked'>
          <Text className='rc-revoked__title'>撤销原因</Text>
          <Text>{store.revocation.reason}</Text>
          <Text className='muted'>撤销时间：{store.revocation.at.slice(0, 10)}</Text>
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>门店承诺的条款</Text>
        <TermsView terms={store.terms} />
      </View>
      {store.status === 'active' && (
        <View className='card rc-complain'>
          <Text className='rc-complain__lead'>在这家门店购物后，按上面的条款退货被拒绝？</Text>
          <Button className='btn btn-primary' onClick={complain}>
            商家拒绝退货？一键投诉
          </Button>
          <Text className='muted'>投诉会自动带上商家、门店和这份承诺的条款，消协优先处理。</Text>
        </View>
      )}
      <View className='card'>
        <LawNote />
      </View>
    </View>
  )
}
