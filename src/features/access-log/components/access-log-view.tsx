import './access-log.css'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { AccessLogEntry, AccessLogQuery } from '@/contract/access-log'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getAccessLog, getStaffMembers } from '../api/access-log'
import { accessLogLine, cleanQuery } from '../access-log-lines'

const PAGE_SIZE = 30

interface Reader {
  id: string
  name: string
}

/** Who read consumers' phone numbers, case details, original photos and exports: by case, reader and date. */
export function AccessLogView() {
  const [numberInput, setNumberInput] = useState('')
  const [complaintNumber, setComplaintNumber] = useState('')
  const [reader, setReader] = useState<Reader | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [staff, setStaff] = useState<Reader[]>([])
  const [items, setItems] = useState<AccessLogEntry[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const query: AccessLogQuery = { ...cleanQuery({ complaintNumber, actorId: reader?.id, from, to }), limit: PAGE_SIZE }
  const queryKey = JSON.stringify(query)

  const load = useCallback(
    async (after?: string) => {
      if (after) setLoadingMore(true)
      try {
        const page = await getAccessLog({ ...(JSON.parse(queryKey) as AccessLogQuery), ...(after ? { cursor: after } : {}) })
        setItems((list) => (after ? [...(list ?? []), ...page.items] : page.items))
        setCursor(page.nextCursor)
        setProblem('')
      } catch (error) {
        setProblem(errorMessage(error))
        if (after) void Taro.showToast({ title: errorMessage(error), icon: 'none' })
      } finally {
        setLoadingMore(false)
      }
    },
    [queryKey],
  )

  // Pickers apply at once; the typed number on 查询.
  const shown = useRef(false)
  useEffect(() => {
    if (shown.current) void load()
  }, [load])
  useDidShow(() => {
    shown.current = true
    void load()
    getStaffMembers().then((list) => setStaff(list.items.map((m) => ({ id: m.id, name: m.displayName }))), () => undefined)
  })
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))

  function search() {
    const typed = numberInput.trim().toUpperCase()
    if (typed !== complaintNumber) setComplaintNumber(typed)
    else void load()
  }

  function clear() {
    setNumberInput('')
    setComplaintNumber('')
    setReader(null)
    setFrom('')
    setTo('')
  }

  const readers: Array<Reader | null> = [null, ...staff, ...(reader && !staff.some((s) => s.id === reader.id) ? [reader] : [])]
  const readerIndex = Math.max(0, readers.findIndex((r) => r?.id === reader?.id))
  const filtered = complaintNumber !== '' || reader !== null || from !== '' || to !== ''

  return (
    <View className='access-log'>
      <View className='card access-log__filters' role='search' aria-label='筛选查看记录'>
        <View className='access-log__filter access-log__filter--case'>
          <Text className='field-label'>投诉编号</Text>
          <Input
            className='field-input'
            aria-label='投诉编号'
            value={numberInput}
            placeholder='如 WQ20261203000001'
            confirmType='search'
            onInput={(e) => setNumberInput(e.detail.value)}
            onConfirm={search}
          />
        </View>
        <View className='access-log__filter'>
          <Text className='field-label'>查看人</Text>
          <Picker mode='selector' range={readers.map((r) => r?.name ?? '全部人员')} value={readerIndex} onChange={(e) => setReader(readers[Number(e.detail.value)] ?? null)}>
            <View className='access-log__choice' role='button' aria-label={`查看人 ${reader?.name ?? '全部人员'}`}>
              <Text>{reader?.name ?? '全部人员'}</Text>
              <Text className='access-log__caret'>▾</Text>
            </View>
          </Picker>
        </View>
        <View className='access-log__filter'>
          <Text className='field-label'>日期</Text>
          <View className='access-log__dates'>
            <Picker mode='date' value={from} end={to || undefined} onChange={(e) => setFrom(e.detail.value)}>
              <View className='access-log__choice' role='button' aria-label={`开始日期 从 ${from || '不限'}`}>
                <Text>从 {from || '不限'}</Text>
              </View>
            </Picker>
            <Picker mode='date' value={to} start={from || undefined} onChange={(e) => setTo(e.detail.value)}>
              <View className='access-log__choice' role='button' aria-label={`结束日期 到 ${to || '不限'}`}>
                <Text>到 {to || '不限'}</Text>
              </View>
            </Picker>
          </View>
        </View>
        <View className='access-log__buttons'>
          <Button className='btn btn-primary' onClick={search}>
            查询
          </Button>
          {filtered && (
            <Button className='btn btn-plain' onClick={clear}>
              清除筛选
            </Button>
          )}
        </View>
      </View>

      {problem && !items ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load()} />
        </View>
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title={filtered ? '没有符合条件的查看记录' : '还没有查看记录'} description='工作人员或企业联络员查看消费者电话、投诉详情、原图，以及消费者导出数据时，都会记在这里。' />
        </View>
      ) : (
        <View className='access-log__table' role='table' aria-label='查看记录'>
          <View className='access-log__row access-log__row--head' role='row'>
            {['时间', '查看人', '身份 · 单位', '查看了', '投诉'].map((title) => (
              <View key={title} className='access-log__cell' role='columnheader'>
                <Text>{title}</Text>
              </View>
            ))}
          </View>
          {items.map((entry) => {
            const line = accessLogLine(entry)
            return (
              <View key={entry.id} className='access-log__row' role='row'>
                <View className='access-log__cell access-log__when' role='cell'>
                  <Text>{line.when}</Text>
                </View>
                <View className='access-log__cell' role='cell'>
                  <View className='access-log__who' role='button' aria-label={`只看 ${line.who} 的记录`} onClick={() => setReader({ id: entry.actorId, name: line.who })}>
                    <Text>{line.who}</Text>
                  </View>
                </View>
                <View className='access-log__cell muted' role='cell'>
                  <Text>{line.where}</Text>
                </View>
                <View className='access-log__cell' role='cell'>
                  <Text className={`access-log__kind access-log__kind--${entry.what}`}>{line.what}</Text>
                </View>
                <View className='access-log__cell access-log__case' role='cell'>
                  <Text>{line.subject}</Text>
                </View>
              </View>
            )
          })}
        </View>
      )}
      {items && cursor && (
        <Button className='btn btn-secondary' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => void load(cursor)}>
          加载更多
        </Button>
      )}
    </View>
  )
}
