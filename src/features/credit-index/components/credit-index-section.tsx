import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { CreditIndex } from '@/contract/credit-index'
import { monthText, RANKING_NO_REMOVAL_NOTE } from '@/contract/credit-ranking'
import { FIGURES_NOT_ENOUGH_NOTE, formatRate } from '@/contract/enterprise-rules'
import { errorMessage } from '@/lib/http'
import { getCreditIndex } from '../api/credit-index'
import { MonthBars } from './month-bars'
import { placeText, RANKING_PAGE } from './place-text'
import './credit.css'

function trendText({ recent, previous }: CreditIndex['trend']): string {
  if (recent === previous) return `持平（${recent} 件 / 之前 ${previous} 件）`
  if (previous === 0) return `增加（${recent} 件，之前 3 个月没有）`
  const change = Math.round((Math.abs(recent - previous) / previous) * 100)
  return `${recent > previous ? '上升' : '下降'} ${change}%（${recent} 件 / 之前 ${previous} 件）`
}

/** 信用指数 on an enterprise's public page: monthly complaints, trend, mediation, performance and its place on last month's boards. */
export function CreditIndexSection({ enterpriseId }: { enterpriseId?: string }) {
  const [index, setIndex] = useState<CreditIndex | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!enterpriseId) return
    let live = true
    setProblem(null)
    getCreditIndex(enterpriseId).then(
      (found) => live && setIndex(found),
      (error: unknown) => live && setProblem(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [enterpriseId, attempt])

  if (!enterpriseId) return null
  if (!index) {
    return (
      <View className='credit credit--section'>
        <View className='card'>{problem ? <PageState kind='error' description={problem} onRetry={() => setAttempt((n) => n + 1)} /> : <PageState kind='loading' />}</View>
      </View>
    )
  }
  const openRanking = () => void Taro.navigateTo({ url: RANKING_PAGE })

  return (
    <View className='credit credit--section'>
      <View className='card'>
        <Text className='credit__heading'>{monthText(index.ranking.month)}排名</Text>
        {index.ranking.places.length ? (
          index.ranking.places.map((place) => (
            <Text key={`${place.board}${place.industry}${place.region}`} className={`credit__place credit__place--${place.board}`}>
              {placeText(place)}
            </Text>
          ))
        ) : (
          <Text className='credit__line'>没有进入上月红榜或黑榜（当月投诉少于 5 件的企业不参加排名）。</Text>
        )}
        <View className='credit__link' role='link' onClick={openRanking}>
          <Text>查看月度红黑榜和排名方法 ›</Text>
        </View>
        <Text className='credit__definition'>{RANKING_NO_REMOVAL_NOTE}</Text>
      </View>

      <View className='card'>
        <Text className='credit__heading'>每月收到的投诉</Text>
        <MonthBars months={index.months} />
        <Text className='credit__definition'>{index.definitions.monthly}</Text>
        <View className='credit-figure'>
          <Text className='credit-figure__label'>趋势（最近 3 个完整月）</Text>
          <Text className='credit-figure__value'>{trendText(index.trend)}</Text>
          <Text className='credit-figure__definition'>{index.definitions.trend}</Text>
        </View>
      </View>

      <View className='card'>
        <Text className='credit__heading'>调解与履行</Text>
        {index.enoughData ? (
          <>
            <View className='credit-figure'>
              <Text className='credit-figure__label'>调解成功率</Text>
              <Text className='credit-figure__value'>
                {index.mediation.rate === null ? '暂无调解结果' : `${formatRate(index.mediation.rate)}（${index.mediation.succeeded}/${index.mediation.ended} 件）`}
              </Text>
              <Text className='credit-figure__definition'>{index.definitions.mediation}</Text>
            </View>
            <View className='credit-figure'>
              <Text className='credit-figure__label'>履行率（消费者确认）</Text>
              <Text className='credit-figure__value'>
                {index.performance.rate === null
                  ? '还没有消费者确认履行结果，目前只统计和解数（见上方“和解率”）'
                  : `${formatRate(index.performance.rate)}（已履行 ${index.performance.performed} 件，未履行 ${index.performance.unperformed} 件）`}
              </Text>
              <Text className='credit-figure__definition'>{index.definitions.performance}</Text>
            </View>
          </>
        ) : (
          <>
            <Text className='credit__line'>
              调解有结果 {index.mediation.ended} 件，其中成功 {index.mediation.succeeded} 件；消费者确认已履行 {index.performance.performed} 件，未履行 {index.performance.unperformed} 件。
            </Text>
            <Text className='credit__definition'>{FIGURES_NOT_ENOUGH_NOTE}</Text>
          </>
        )}
      </View>
    </View>
  )
}
