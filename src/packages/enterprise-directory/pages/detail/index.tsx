import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EnterpriseView } from '@/features/enterprises'
import { CreditIndexSection } from '@/features/credit-index/components/credit-index-section'
import { EnterpriseCasesSection } from '@/features/published-cases/components/enterprise-cases-section'
import { ReturnBadge } from '@/features/return-commitments/components/return-badge'
import { EnterpriseFindingsSection } from '@/features/bad-faith-findings/components/enterprise-findings-section'
import './index.css'

/** 企业信息: reachable from the business suggestions while filing, no login needed. */
export default function EnterpriseDetailPage() {
  const { params } = useRouter()
  return (
    <View className='enterprise-detail'>
      <EnterpriseView enterpriseId={params.id} />
      <CreditIndexSection enterpriseId={params.id} />
      {params.id && <ReturnBadge enterpriseId={params.id} />}
      <EnterpriseFindingsSection enterpriseId={params.id} />
      <EnterpriseCasesSection enterpriseId={params.id} />
    </View>
  )
}
