import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Evidence } from '@/contract/evidence'
import { absoluteUrl } from '@/lib/api-base'
import { errorMessage } from '@/lib/http'
import { choosePhotos, discardPhoto, readPhotoBytes } from '@/lib/photo-files'
import { getEvidenceOriginal } from '../api/get-evidence-original'
import { chinaDateTime } from '../receipt'
import { matchOriginal, matchText, type OriginalMatch } from './match-original'
import './handling.css'
import { PrivacyPopup } from '@/components/privacy-popup'

/**
 * 核对原图 (staff): pick the photo the consumer shows on their phone (sent over, or in the staff
 * member's own gallery) and compare its SHA-256, computed here, with the recorded hashes. Nothing
 * is uploaded.
 */
export function OriginalCheck({ evidence }: { evidence: ReadonlyArray<Pick<Evidence, 'id' | 'sha256' | 'originalSha256' | 'capturedAt'>> }) {
  const [match, setMatch] = useState<OriginalMatch | null>(null)
  const [busy, setBusy] = useState(false)
  const [places, setPlaces] = useState<Record<string, string>>({})

  /** The original (opened in the phone's viewer) and, for staff only, where it was taken. */
  async function openOriginal(id: string) {
    try {
      const original = await getEvidenceOriginal(id)
      const place = original.location ? `拍摄地点：纬度 ${original.location.latitude}，经度 ${original.location.longitude}` : '原图没有记录拍摄地点'
      setPlaces((known) => ({ ...known, [id]: place }))
      const url = absoluteUrl(original.url)
      void Taro.previewImage({ current: url, urls: [url] })
    } catch (error) {
      setPlaces((known) => ({ ...known, [id]: errorMessage(error) }))
    }
  }

  async function check() {
    setBusy(true)
    try {
      const [picked] = await choosePhotos('album', 1)
      if (!picked) return
      try {
        setMatch(matchOriginal(await readPhotoBytes(picked.file), evidence))
      } finally {
        void discardPhoto(picked.file)
      }
    } catch (error) {
      void Taro.showModal({ title: '没能读取照片', content: error instanceof Error ? error.message : '请重试', showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card original-check'>
      <PrivacyPopup />
      <Text className='section-title'>核对原图</Text>
      <Text className='muted original-check__intro'>从相册选一张照片，看它是不是消费者提交的证据照片（在本机计算 SHA-256，不上传）。</Text>
      <Button className='btn btn-secondary original-check__button' loading={busy || undefined} disabled={busy || undefined} onClick={() => void check()}>
        核对原图
      </Button>
      {match && (
        <View className={`original-check__result original-check__result--${match.kind}`}>
          <Text className='original-check__verdict'>{matchText(match)}</Text>
          <Text className='result__hash'>所选照片 SHA-256：{match.sha256}</Text>
        </View>
      )}
      {evidence.map((photo, index) => (
        <View key={photo.id} className='original-check__photo'>
          <Text className='muted'>
            照片 {index + 1}
            {photo.capturedAt ? ` · 拍摄于 ${chinaDateTime(photo.capturedAt)}` : ' · 没有拍摄时间'}
          </Text>
          <Text className='original-check__open' onClick={() => void openOriginal(photo.id)}>
            查看原图和拍摄地点
          </Text>
          {places[photo.id] && <Text className='original-check__place'>{places[photo.id]}</Text>}
        </View>
      ))}
    </View>
  )
}
