import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/features/auth'
import { StaffStores, StoreDetail, StoreFinder } from '@/features/return-commitments'

/**
 * 无理由退货承诺店 (public): the finder; `?id=` one store with 一键投诉; `?staff=1` the association's view
 * of its region's stores (one page for all three keeps app.json small).
 */
export default function StoresPage() {
  const { params } = useRouter()
  const role = useSessionStore((s) => s.user?.role)
  return (
    <View className='page'>
      {params.id ? <StoreDetail commitmentId={params.id} /> : params.staff === '1' && role === 'staff' ? <StaffStores /> : <StoreFinder />}
    </View>
  )
}
