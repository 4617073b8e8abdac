import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { INDUSTRY_LABELS } from '@/contract/complaint-rules'
import type { EnterpriseSummary } from '@/contract/enterprise'
import { ODR_BADGE, regionText } from '@/contract/enterprise-rules'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { searchEnterprises } from '../api/manage-enterprises'
import './management.css'

const EDITOR = '/packages/staff/pages/enterprise/index'

/** Staff find an enterprise by name to edit it, or add a new one. */
export function EnterpriseList() {
  const [query, setQuery] = useState('')
  const [items, setItems] = useState<EnterpriseSummary[] | null>(null)
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [problem, setProblem] = useState('')
  const latest = useRef(0)

  const load = useCallback(async (q: string, nextPage = 1) => {
    const mine = ++latest.current
    try {
      const answer = await searchEnterprises(q, nextPage)
      if (mine !== latest.current) return
      setItems((shown) => (nextPage === 1 ? answer.items : [...(shown ?? []), ...answer.items]))
      setTotal(answer.total)
      setPage(nextPage)
      setProblem('')
    } catch (error) {
      if (mine === latest.current) setProblem(errorMessage(error))
    }
  }, [])

  // Typing searches after a short pause; coming back from the editor shows the changes.
  useEffect(() => {
    const timer = setTimeout(() => void load(query), 300)
    return () => clearTimeout(timer)
  }, [query, load])
  useDidShow(() => void load(query))

  const open = (id?: string) => void Taro.navigateTo({ url: id ? `${EDITOR}?id=${encodeURIComponent(id)}` : EDITOR })
  return (
    <View>
      <View className='card'>
        <Button className='btn btn-primary' onClick={() => open()}>
          新增企业
        </Button>
        <Input className='field-input manage-search' value={query} placeholder='输入企业名称查找，如“超市”' aria-label='查找企业' onInput={(e) => setQuery(e.detail.value)} />
      </View>
      {problem && !items ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load(query)} />
        </View>
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='名录中没有这家企业' description='可以点“新增企业”把它加进来' />
        </View>
      ) : (
        <>
          <Text className='manage-count'>共 {total} 家</Text>
          {items.map((e) => (
            <View key={e.id} className='card manage-row' hoverClass='complaint-item--pressed' role='button' onClick={() => open(e.id)}>
              <View className='manage-row__top'>
                <Text className='manage-row__name'>{e.name}</Text>
                {e.odr && <Text className='manage-badge'>{ODR_BADGE}</Text>}
              </View>
              <Text className='manage-row__meta'>
                {INDUSTRY_LABELS[e.industry]}
                {regionText(e) ? ` · ${regionText(e)}` : ''}
              </Text>
              <Text className='manage-row__more'>编辑企业和联络员 ›</Text>
            </View>
          ))}
          {items.length < total && (
            <Button className='btn btn-secondary' onClick={() => void load(query, page + 1)}>
              加载更多
            </Button>
          )}
        </>
      )}
    </View>
  )
}
