import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { EnterpriseDetail } from '@/contract/enterprise'
import { INDUSTRY_LABELS } from '@/contract/complaint-rules'
import { formatDuration, formatRate, ODR_BADGE, regionText } from '@/contract/enterprise-rules'
import { handlingPathDetail } from '@/contract/rule-text'
import { useCurrentRules } from '@/lib/current-rules'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getEnterprise } from '../api/get-enterprise'
import './enterprise-view.css'

function odrSinceText(date: string): string {
  const [y, m, d] = date.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** 企业信息: who the business is, what it promises, and how it has handled complaints so far. */
export function EnterpriseView({ enterpriseId }: { enterpriseId?: string }) {
  const rules = useCurrentRules()
  const [enterprise, setEnterprise] = useState<EnterpriseDetail | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!enterpriseId) return setProblem('没有指定企业')
    let live = true
    setProblem(null)
    getEnterprise(enterpriseId).then(
      (found) => {
        if (!live) return
        setEnterprise(found)
      },
      (error: unknown) => live && setProblem(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [enterpriseId, attempt])

  if (problem || !enterprise) {
    return (
      <View className='page'>
        {problem ? <PageState kind='error' description={problem} onRetry={() => setAttempt((n) => n + 1)} /> : <PageState kind='loading' />}
      </View>
    )
  }
  const { figures } = enterprise
  const region = regionText(enterprise)

  return (
    <View className='page enterprise'>
      <View className='card'>
        <Text className='enterprise__name'>{enterprise.name}</Text>
        <Text className='enterprise__industry'>{INDUSTRY_LABELS[enterprise.industry]}</Text>
        {enterprise.odr ? (
          <View className='enterprise__odr'>
            <Text className='odr-badge'>{ODR_BADGE}</Text>
            <Text className='enterprise__odr-text'>
              {enterprise.odrSince ? `${odrSinceText(enterprise.odrSince)}加入。` : ''}
              {handlingPathDetail('odr', rules)}
            </Text>
          </View>
        ) : (
          <Text className='enterprise__plain'>未加入绿色通道：投诉由消协调解。</Text>
        )}
      </View>

      {enterprise.promises.length > 0 && (
        <View className='card'>
          <Text className='enterprise__heading'>企业承诺</Text>
          {enterprise.promises.map((promise) => (
            <Text key={promise} className='enterprise__promise'>
              ✓ {promise}
            </Text>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='enterprise__heading'>地址和电话</Text>
        {region && <Text className='enterprise__line'>地区：{region}</Text>}
        {enterprise.address && <Text className='enterprise__line'>地址：{enterprise.address}</Text>}
        {enterprise.contactPhone && (
          <View
            className='enterprise__phone'
            role='button'
            onClick={() => void Taro.makePhoneCall({ phoneNumber: enterprise.contactPhone! }).catch(() => undefined)}
          >
            电话：{enterprise.contactPhone}（点击拨打）
          </View>
        )}
        {enterprise.creditCode && <Text className='enterprise__line enterprise__line--small'>统一社会信用代码：{enterprise.creditCode}</Text>}
      </View>

      <View className='card'>
        <Text className='enterprise__heading'>投诉处理情况</Text>
        <Text className='enterprise__line'>收到投诉：{figures.complaintsReceived} 件</Text>
        {figures.enoughData ? (
          <>
            <Figure label='首次答复用时（中位数）' value={figures.medianFirstResponseHours === null ? '暂无' : formatDuration(figures.medianFirstResponseHours)} definition={figures.definitions.medianFirstResponse} />
            <Figure
              label='和解率'
              value={figures.settlementRate === null ? '暂无' : `${formatRate(figures.settlementRate)}（${figures.settledCount}/${figures.endedCount} 件）`}
              definition={figures.definitions.settlementRate}
            />
            <Figure
              label='已履行 / 未履行'
              value={`消费者确认收到 ${figures.performedCount} 件，未履行 ${figures.unperformedCount} 件（和解或调解成功 ${figures.settledCount} 件）`}
              definition={figures.definitions.performance}
            />
            <Figure
              label='平均满意度'
              value={figures.averageRating === null ? '暂无评分' : `${figures.averageRating} 分（${figures.ratingCount} 人评价）`}
              definition={figures.definitions.averageRating}
            />
          </>
        ) : (
          <Text className='enterprise__note'>{figures.note}</Text>
        )}
      </View>
    </View>
  )
}

function Figure({ label, value, definition }: { label: string; value: string; definition: string }) {
  return (
    <View className='figure'>
      <Text className='figure__label'>{label}</Text>
      <Text className='figure__value'>{value}</Text>
      <Text className='figure__definition'>{definition}</Text>
    </View>
  )
}
