import { useRouter } from '@tarojs/taro'
import { EnterpriseView } from '@/features/enterprises'
import { EnterpriseFindingsSection } from '@/features/bad-faith-findings/components/enterprise-findings-section'

/** 企业信息: reachable from the business suggestions while filing, no login needed. */
export default function EnterpriseDetailPage() {
  const { params } = useRouter()
  return (
    <>
      <EnterpriseView enterpriseId={params.id} />
      <EnterpriseFindingsSection enterpriseId={params.id} />
    </>
  )
}
