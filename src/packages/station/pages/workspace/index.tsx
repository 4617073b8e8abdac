import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { MyStation, StationFigures, StationRecordList } from '@/contract/walk-in'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { WorkspaceShell } from '@/features/workspace'
import { getMyStation, getStationFigures, listStationRecords, StationFiguresTable, StationRecords } from '@/features/walk-in'
import '@/features/walk-in/components/walk-in.css'

/** The station operator's workspace: 代办投诉, 本站代办记录, 每月代办件数. */
export default function StationWorkspacePage() {
  const [station, setStation] = useState<MyStation | null>(null)
  const [refused, setRefused] = useState<string | null>(null)
  const [records, setRecords] = useState<StationRecordList | null>(null)
  const [figures, setFigures] = useState<StationFigures | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  async function load() {
    setProblem(null)
    try {
      setStation(await getMyStation())
    } catch (error) {
      return setRefused(errorMessage(error))
    }
    try {
      const [list, monthly] = await Promise.all([listStationRecords(), getStationFigures(6)])
      setRecords(list)
      setFigures(monthly)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  async function more() {
    if (!records?.nextCursor) return
    setLoadingMore(true)
    try {
      const next = await listStationRecords(records.nextCursor)
      setRecords({ items: [...records.items, ...next.items], nextCursor: next.nextCursor })
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setLoadingMore(false)
    }
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))

  if (refused) {
    return (
      <WorkspaceShell role='staff' title='服务站代办'>
        <PageState kind='empty' title='无法代办' description={refused} />
      </WorkspaceShell>
    )
  }
  return (
    <WorkspaceShell role='staff' title='服务站代办' compact>
      <View className='card walk-in__station'>
        <Text className='walk-in__station-name'>{station?.station.name ?? '正在加载…'}</Text>
        {station && <Text className='muted'>{station.organization.name}</Text>}
        <Button className='btn btn-primary walk-in__start' disabled={!station || undefined} onClick={() => void Taro.navigateTo({ url: '/packages/station/pages/file/index' })}>
          代办投诉
        </Button>
        <Text className='muted'>投诉人到柜台后：输入他的手机号 → 他读出短信验证码 → 填写投诉、拍照 → 提交，把投诉编号告诉他。</Text>
      </View>

      <Text className='section-title'>每月代办件数</Text>
      <View className='card'>{figures ? <StationFiguresTable figures={figures} /> : <PageState kind='loading' />}</View>

      <Text className='section-title'>本站代办记录</Text>
      <StationRecords items={records?.items ?? null} problem={problem} onRetry={() => void load()} />
      {records?.nextCursor && (
        <Button className='btn btn-plain' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => void more()}>
          加载更多
        </Button>
      )}
    </WorkspaceShell>
  )
}
