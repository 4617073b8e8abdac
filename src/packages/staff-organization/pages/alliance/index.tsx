import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AllianceTransfers } from '@/features/organization-admin'

/** 组织管理 › 所在联盟: the cases moved across one alliance. */
export default function AllianceTransfersPage() {
  const { params } = useRouter()
  return (
    <View className='page'>
      <AllianceTransfers allianceId={decodeURIComponent(params.id ?? '')} />
    </View>
  )
}
