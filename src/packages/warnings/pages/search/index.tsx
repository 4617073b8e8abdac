import { useRouter } from '@tarojs/taro'
import { WarningSearchView } from '@/features/warnings'

export default function WarningSearchPage() {
  const { params } = useRouter()
  return <WarningSearchView initial={params.q ? decodeURIComponent(params.q) : undefined} />
}
