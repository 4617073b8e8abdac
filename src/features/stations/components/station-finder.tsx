import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { Station, StationRegion } from '@/contract/station'
import { errorMessage } from '@/lib/http'
import { nearestStations, regionStations, stationRegions } from '../api/stations'
import { locateGcj02 } from '../location/locate'
import type { Position } from '../location/position'
import { RegionPicker } from './region-picker'
import { StationCard } from './station-card'
import { StationMap } from './station-map'
import './stations.css'

type Mode = { kind: 'locating' } | { kind: 'near'; here: Position } | { kind: 'region'; why: string | null }

/**
 * 找服务站 (public): nearest first when the device gives a position, else by region. Each station
 * shows its hours, phone (tap to call), what it can do, and on the mini program a map with 导航.
 */
export function StationFinder() {
  const [mode, setMode] = useState<Mode>({ kind: 'locating' })
  const [stations, setStations] = useState<Station[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [regions, setRegions] = useState<StationRegion[] | null>(null)
  const [chosen, setChosen] = useState<StationRegion[]>([])
  const [loadingMore, setLoadingMore] = useState(false)

  async function findNearby() {
    setMode({ kind: 'locating' })
    setProblem(null)
    let here: Position
    try {
      here = await locateGcj02()
    } catch (error) {
      setStations(null)
      return setMode({ kind: 'region', why: `${(error as Error).message}，请选择您所在的地区。` })
    }
    setMode({ kind: 'near', here })
    setStations(null)
    nearestStations(here.latitude, here.longitude).then((list) => setStations(list.items), (error: unknown) => setProblem(errorMessage(error)))
  }

  function loadRegion(path: StationRegion[]) {
    // The chosen region's stations appear above the picker: bring them into view.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    setChosen(path)
    setProblem(null)
    setStations(null)
    setCursor(null)
    const last = path[path.length - 1]
    if (!last) return
    regionStations(last.id).then(
      (list) => {
        setStations(list.items)
        setCursor(list.nextCursor)
      },
      (error: unknown) => setProblem(errorMessage(error)),
    )
  }

  async function more() {
    const last = chosen[chosen.length - 1]
    if (!last || !cursor) return
    setLoadingMore(true)
    try {
      const list = await regionStations(last.id, cursor)
      setStations([...(stations ?? []), ...list.items])
      setCursor(list.nextCursor)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setLoadingMore(false)
    }
  }

  useEffect(() => void findNearby(), [])
  useEffect(() => {
    if (mode.kind === 'region' && !regions) stationRegions().then((list) => setRegions(list.items), (error: unknown) => setProblem(errorMessage(error)))
  }, [mode.kind, regions])

  const picker = regions ? <RegionPicker regions={regions} chosen={chosen} onChoose={loadRegion} /> : !problem && <PageState kind='loading' title='正在加载地区…' />
  const retry = () => (mode.kind === 'region' ? loadRegion(chosen) : void findNearby())
  return (
    <View className='station-finder'>
      <Text className='muted station-finder__intro'>服务站设在超市、社区、市场监管所等地方，可以当面咨询、帮您投诉。</Text>
      {mode.kind === 'locating' && <PageState kind='loading' title='正在获取您的位置…' />}
      {mode.kind === 'near' && (
        <View className='station-finder__switch'>
          <Text className='station-finder__mode'>离您最近的服务站</Text>
          <Button className='btn btn-plain' onClick={() => setMode({ kind: 'region', why: null })}>
            按地区查找
          </Button>
        </View>
      )}
      {mode.kind === 'region' && (
        <>
          {mode.why && chosen.length === 0 && (
            <View className='card' role='status'>
              <Text>{mode.why}</Text>
            </View>
          )}
          <Button className='btn btn-plain station-finder__again' onClick={() => void findNearby()}>
            用我的位置查找最近的
          </Button>
          {/* Once a region is chosen its stations come first; the picker (to narrow or change) follows them. */}
          {chosen.length === 0 && picker}
          {chosen.length > 0 && <Text className='station-finder__heading'>{chosen[chosen.length - 1]!.name}的服务站</Text>}
        </>
      )}
      {problem ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={retry} />
        </View>
      ) : mode.kind === 'near' || chosen.length > 0 ? (
        !stations ? (
          <PageState kind='loading' title='正在查找服务站…' />
        ) : stations.length === 0 ? (
          <View className='card'>
            <PageState kind='empty' title='这里还没有服务站' description='可以拨打 12315 或在“我要投诉”里在线投诉。' />
          </View>
        ) : (
          <>
            {mode.kind === 'near' && <StationMap stations={stations} here={mode.here} />}
            {stations.map((station) => (
              <StationCard key={station.id} station={station} />
            ))}
            {cursor && (
              <Button className='btn btn-plain' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => void more()}>
                加载更多
              </Button>
            )}
          </>
        )
      ) : null}
      {mode.kind === 'region' && chosen.length > 0 && picker}
    </View>
  )
}
