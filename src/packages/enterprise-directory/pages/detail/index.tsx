import { useRouter } from '@tarojs/taro'
import { EnterpriseView } from '@/features/enterprises'
import { ReturnBadge } from '@/features/return-commitments/components/return-badge'

/** 企业信息: reachable from the business suggestions while filing, no login needed. */
export default function EnterpriseDetailPage() {
  const { params } = useRouter()
  return (
    <>
      <EnterpriseView enterpriseId={params.id} />
      {params.id && <ReturnBadge enterpriseId={params.id} />}
    </>
  )
}
