import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PublicFinding } from '@/contract/bad-faith-finding'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { enterprisePublicFindings } from '../api/credit-findings'
import { PublicFindingCard } from './public-finding-card'

/**
 * 失信认定 on an enterprise's public page: the findings in their publication period. Nothing at all
 * when there are none (most enterprises), so the page stays about the enterprise.
 */
export function EnterpriseFindingsSection({ enterpriseId }: { enterpriseId: string | undefined }) {
  const [items, setItems] = useState<PublicFinding[] | null>(null)
  const [problem, setProblem] = useState('')
  const load = useCallback(() => {
    if (!enterpriseId) return
    setProblem('')
    enterprisePublicFindings(enterpriseId)
      .then((list) => setItems(list.items))
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }, [enterpriseId])
  useEffect(load, [load])

  if (problem) return <PageState kind='error' description={`失信认定没能加载：${problem}`} onRetry={load} />
  if (!items || items.length === 0) return null
  return (
    <View className='page' aria-label='失信认定公示'>
      <Text className='section-title'>失信认定公示</Text>
      {items.map((finding) => (
        <PublicFindingCard key={finding.id} finding={finding} showEnterprise={false} />
      ))}
    </View>
  )
}
