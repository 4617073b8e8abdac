import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import type { PublicCase } from '@/contract/published-case'
import { errorMessage } from '@/lib/http'
import { getCase } from '../api/published-cases'
import { chinaDay } from './when'
import './published-cases.css'

const ENTERPRISE_PAGE = '/packages/enterprise-directory/pages/detail/index'

/** One published case (no sign-in): the anonymous summary, reviewed photos, and the business's reply beside it. */
export function PublicCaseView({ caseId }: { caseId?: string }) {
  const [found, setFound] = useState<PublicCase | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = () => {
    if (!caseId) return setProblem('链接不完整，请从个案公示列表打开')
    setProblem(null)
    getCase(caseId).then(setFound, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [caseId])

  if (problem && !found) {
    return (
      <View className='card'>
        <PageState kind='error' description={problem} onRetry={load} />
      </View>
    )
  }
  if (!found) return <PageState kind='loading' />
  return (
    <View className='pc'>
      <View className='pc-pair'>
        <View className='card'>
          <Text className='pc-item__business'>{found.businessName}</Text>
          <Text className='pc-meta'>
            {found.industry} · 公示于 {chinaDay(found.publishedAt)}
          </Text>
          <Text className='pc-line'>{found.summary}</Text>
          {found.photos.length > 0 && (
            <View className='pc-photos'>
              {found.photos.map((photo, index) => (
                <Image key={photo.url} className='pc-photo' src={photo.url} mode='aspectFill' aria-label={`案例照片 ${index + 1}`} onClick={() => void Taro.previewImage({ urls: found.photos.map((p) => p.url), current: photo.url })} />
              ))}
            </View>
          )}
          <Text className='pc-note'>本案经消费者单独同意后公示，已去掉姓名、电话、证件号和住址。</Text>
        </View>
        <View className='card pc-reply' aria-label='商家回复'>
          <Text className='pc-reply__title'>商家回复</Text>
          {found.reply ? (
            <>
              <Text className='pc-line'>{found.reply.text}</Text>
              <Text className='pc-meta'>{chinaDay(found.reply.at)} 经消协审核后显示</Text>
            </>
          ) : (
            <Text className='pc-line'>商家没有回复，或回复还在审核。</Text>
          )}
        </View>
      </View>
      {found.enterpriseId && (
        <View className='card' role='link' hoverClass='pc-pressed' onClick={() => void Taro.navigateTo({ url: `${ENTERPRISE_PAGE}?id=${encodeURIComponent(found.enterpriseId!)}` })}>
          <Text className='pc-more'>查看这家企业的投诉数据和其他公示案例 ›</Text>
        </View>
      )}
    </View>
  )
}
