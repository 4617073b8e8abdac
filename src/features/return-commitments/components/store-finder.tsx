import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import type { ReturnCommitment } from '@/contract/return-commitment'
import type { StationRegion } from '@/contract/station'
import { errorMessage } from '@/lib/http'
import { regions as loadRegions, storesOfRegion } from '../api/return-commitments'
import { LawNote } from './law-note'
import { RegionPicker } from './region-picker'
import { StoreCard } from './store-card'
import { StoreMap } from './store-map'
import './return-commitments.css'

/** 无理由退货承诺店 (public): every committed store, narrowed by region; on the mini program also on a map. */
export function StoreFinder() {
  const [regionTree, setRegionTree] = useState<StationRegion[]>([])
  const [chosen, setChosen] = useState<StationRegion[]>([])
  const [stores, setStores] = useState<ReturnCommitment[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const regionId = chosen[chosen.length - 1]?.id ?? null

  function load() {
    setProblem(null)
    setStores(null)
    storesOfRegion(regionId).then(
      (list) => {
        setStores(list.items)
        setCursor(list.nextCursor)
      },
      (error: unknown) => setProblem(errorMessage(error)),
    )
  }
  useEffect(load, [regionId])
  useEffect(() => {
    loadRegions().then((list) => setRegionTree(list.items), () => undefined)
  }, [])

  async function more() {
    if (!cursor) return
    setLoadingMore(true)
    try {
      const list = await storesOfRegion(regionId, cursor)
      setStores([...(stores ?? []), ...list.items])
      setCursor(list.nextCursor)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <View className='rc-finder'>
      <Text className='rc-intro'>这些门店向消协承诺：购物后在约定天数内，商品完好就可以无理由退货。门店拒绝履行的，可以一键投诉。</Text>
      {regionTree.length > 0 && <RegionPicker regions={regionTree} chosen={chosen} onChoose={setChosen} />}
      {problem ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={load} />
        </View>
      ) : !stores ? (
        <PageState kind='loading' title='正在查找承诺店…' />
      ) : stores.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='这里还没有承诺店' description='可以换一个地区看看。' />
        </View>
      ) : (
        <>
          <Text className='rc-heading'>{chosen.length ? chosen[chosen.length - 1]!.name : '全部地区'}的承诺店</Text>
          <StoreMap stores={stores} />
          {stores.map((store) => (
            <StoreCard key={store.id} store={store} />
          ))}
          {cursor && (
            <Button className='btn btn-plain' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => void more()}>
              加载更多
            </Button>
          )}
        </>
      )}
      <View className='card'>
        <LawNote />
      </View>
    </View>
  )
}
