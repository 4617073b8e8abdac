import { useRouter } from '@tarojs/taro'
import { EnterpriseView } from '@/features/enterprises'
import { CreditIndexSection } from '@/features/credit-index/components/credit-index-section'

/** 企业信息: reachable from the business suggestions while filing, no login needed. */
export default function EnterpriseDetailPage() {
  const { params } = useRouter()
  return (
    <>
      <EnterpriseView enterpriseId={params.id} />
      <CreditIndexSection enterpriseId={params.id} />
    </>
  )
}
