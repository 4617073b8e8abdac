import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { RETURN_BADGE, type ReturnCommitment } from '@/contract/return-commitment'
import { openStoreMap } from '../location/open-map'
import { STORE_PAGE } from './routes'

/** One committed store in the finder: name, enterprise, address, days; tap for the full terms. */
export function StoreCard({ store }: { store: ReturnCommitment }) {
  const located = store.latitude !== null && store.longitude !== null
  return (
    <View className='card rc-store' aria-label={store.storeName}>
      <Text className='rc-store__name'>{store.storeName}</Text>
      <Text className='rc-badge rc-badge--small'>{RETURN_BADGE}</Text>
      <Text className='rc-line'>{store.enterpriseName}</Text>
      <Text className='rc-line'>地址：{store.storeAddress}</Text>
      <Text className='rc-line rc-line--strong'>购物 {store.terms.days} 天内无理由退货</Text>
      <View className='rc-actions'>
        <Button className='btn btn-secondary rc-action' onClick={() => void Taro.navigateTo({ url: `${STORE_PAGE}?id=${encodeURIComponent(store.id)}` })}>
          查看承诺
        </Button>
        {located && (
          <Button className='btn btn-plain rc-action' onClick={() => openStoreMap(store)}>
            地图
          </Button>
        )}
      </View>
    </View>
  )
}
