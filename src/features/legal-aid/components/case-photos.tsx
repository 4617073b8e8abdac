import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Evidence } from '@/contract/evidence'
import { casePhoto } from '../api/legal-aid-api'
import './legal-aid.css'

/** The case's photos, each opened through the evidence access rules; one that cannot be opened says so. */
export function CasePhotos({ ids }: { ids: string[] }) {
  const key = ids.join(',')
  const [photos, setPhotos] = useState<Evidence[] | null>(null)
  const [missing, setMissing] = useState(0)
  useEffect(() => {
    let live = true
    void Promise.allSettled(key.split(',').filter(Boolean).map(casePhoto)).then((results) => {
      if (!live) return
      setPhotos(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])))
      setMissing(results.filter((r) => r.status === 'rejected').length)
    })
    return () => {
      live = false
    }
  }, [key])

  if (ids.length === 0) return <Text className='aid-line muted'>本案没有证据照片。</Text>
  if (!photos) return <Text className='aid-line muted'>照片加载中…</Text>
  const urls = photos.map((p) => p.displayUrl)
  return (
    <View>
      <View className='aid-photos'>
        {photos.map((photo, index) => (
          <Image key={photo.id} className='aid-photo' src={photo.thumbnailUrl} mode='aspectFill' nativeProps={{ alt: `证据照片 ${index + 1}，点一下放大` }} onClick={() => void Taro.previewImage({ urls, current: urls[index] })} />
        ))}
      </View>
      {missing > 0 && <Text className='field-error'>有 {missing} 张照片打不开，请刷新重试。</Text>}
    </View>
  )
}
