import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { OrganizationAdmin } from '@/features/organization-admin'

/** 消协工作台 › 组织管理: members, permissions, child organizations (?id= another one below one's own). */
export default function OrganizationAdminPage() {
  const { params } = useRouter()
  return (
    <View className='page'>
      <OrganizationAdmin organizationId={params.id ? decodeURIComponent(params.id) : undefined} />
    </View>
  )
}
