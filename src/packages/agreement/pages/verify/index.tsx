import { useRouter } from '@tarojs/taro'
import { AgreementVerify } from '@/features/mediation-agreements'

export default function AgreementVerifyPage() {
  const { params } = useRouter()
  return <AgreementVerify hash={params.h ?? ''} />
}
