import { useEffect, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { INDUSTRIES, type Industry } from '@/contract/complaint-rules'
import type { RankingResponse } from '@/contract/credit-index'
import { monthText, RANKING_METHOD_TEXT, RANKING_MIN_COMPLAINTS, RANKING_NO_REMOVAL_NOTE, type RankingBoard } from '@/contract/credit-ranking'
import { errorMessage } from '@/lib/http'
import { getRanking, rankingExportUrl } from '../api/credit-index'
import { ENTERPRISE_PAGE, industryText } from './place-text'
import './credit.css'

const INDUSTRY_CHOICES: Array<Industry | ''> = ['', ...INDUSTRIES]
const TABS: ReadonlyArray<{ board: RankingBoard; label: string }> = [
  { board: 'red', label: '红榜' },
  { board: 'black', label: '黑榜' },
]

/**
 * 企业红黑榜 (public): one closed month's boards, for all or one industry and city, with the method
 * written out and the month's data to download. Nothing here (or anywhere) edits a ranking.
 */
export function RankingView() {
  const [month, setMonth] = useState<string | undefined>(undefined)
  const [industry, setIndustry] = useState<Industry | ''>('')
  const [region, setRegion] = useState('')
  const [board, setBoard] = useState<RankingBoard>('red')
  const [ranking, setRanking] = useState<RankingResponse | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    setProblem(null)
    setRanking(null)
    getRanking({ month, industry: industry || undefined, region: region || undefined }).then(
      (found) => live && setRanking(found),
      (error: unknown) => live && setProblem(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [month, industry, region, attempt])

  const months = ranking?.months ?? []
  const regions = ['', ...(ranking?.regions ?? [])]
  const rows = ranking ? ranking[board] : []

  async function copyExport() {
    if (!ranking) return
    await Taro.setClipboardData({ data: rankingExportUrl(ranking.month) })
    void Taro.showToast({ title: '下载地址已复制', icon: 'none' })
  }

  return (
    <View className='credit'>
      <Text className='credit__intro'>每月按各企业的投诉答复和解决情况自动排名。{RANKING_NO_REMOVAL_NOTE}</Text>
      <View className='credit-filters'>
        <Picker mode='selector' range={months.map(monthText)} value={Math.max(0, months.indexOf(ranking?.month ?? ''))} onChange={(e) => setMonth(months[Number(e.detail.value)])} disabled={!months.length}>
          <View className='credit-filters__item' role='button'>
            <Text>月份：{ranking ? monthText(ranking.month) : month ? monthText(month) : '上个月'} ▾</Text>
          </View>
        </Picker>
        <Picker mode='selector' range={INDUSTRY_CHOICES.map(industryText)} value={INDUSTRY_CHOICES.indexOf(industry)} onChange={(e) => setIndustry(INDUSTRY_CHOICES[Number(e.detail.value)] ?? '')}>
          <View className='credit-filters__item' role='button'>
            <Text>行业：{industryText(industry)} ▾</Text>
          </View>
        </Picker>
        <Picker mode='selector' range={regions.map((r) => r || '全部地区')} value={Math.max(0, regions.indexOf(region))} onChange={(e) => setRegion(regions[Number(e.detail.value)] ?? '')}>
          <View className='credit-filters__item' role='button'>
            <Text>地区：{region || '全部地区'} ▾</Text>
          </View>
        </Picker>
      </View>

      <View className='credit-tabs' role='tablist'>
        {TABS.map((tab) => (
          <View key={tab.board} className={`credit-tab credit-tab--${tab.board} ${tab.board === board ? 'credit-tab--on' : ''}`} role='tab' aria-selected={tab.board === board} onClick={() => setBoard(tab.board)}>
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>

      <View className='card' aria-live='polite'>
        {problem ? (
          <PageState kind='error' description={problem} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !ranking ? (
          <PageState kind='loading' />
        ) : rows.length === 0 ? (
          <PageState
            kind='empty'
            title={`${monthText(ranking.month)}${board === 'red' ? '红榜' : '黑榜'}暂无企业`}
            description={`当月投诉不少于 ${RANKING_MIN_COMPLAINTS} 件、并符合${board === 'red' ? '红榜' : '黑榜'}条件的企业才会列出。`}
          />
        ) : (
          rows.map((row) => (
            <View
              key={row.enterpriseId}
              className='credit-row'
              role='link'
              onClick={() => void Taro.navigateTo({ url: `${ENTERPRISE_PAGE}?id=${encodeURIComponent(row.enterpriseId)}` })}
            >
              <Text className={`credit-row__place credit-row__place--${board}`}>{row.place}</Text>
              <Text className='credit-row__name'>{row.name}</Text>
              <Text className='credit-row__score'>{row.score.toFixed(1)} 分 ›</Text>
            </View>
          ))
        )}
      </View>

      <View className='card'>
        <Text className='credit__heading'>排名方法</Text>
        {RANKING_METHOD_TEXT.map((line, i) => (
          <Text key={i} className='credit__method'>
            {i + 1}. {line}
          </Text>
        ))}
        <Text className='credit__method credit__method--strong'>{RANKING_NO_REMOVAL_NOTE}没有申请删除或修改排名的途径。</Text>
        {ranking && (
          <>
            <Text className='credit__definition'>
              本月排名计算于 {ranking.computedAt.slice(0, 10)}（第 {ranking.methodVersion} 版方法）。
            </Text>
            <View className='credit__link' role='button' onClick={() => void copyExport()}>
              <Text>复制本月计算数据的下载地址 ›</Text>
            </View>
            <Text className='credit__definition'>数据只有企业名称和件数，不含任何个人信息；用 scripts/credit/ranking.ts 可复算。</Text>
          </>
        )}
      </View>
    </View>
  )
}
