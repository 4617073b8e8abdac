import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Evidence } from '@/contract/evidence'
import { choosePhotos, discardPhoto, readPhotoBytes } from '@/lib/photo-files'
import { matchOriginal, matchText, type OriginalMatch } from './match-original'
import './handling.css'
import { PrivacyPopup } from '@/components/privacy-popup'

/**
 * 核对原图 (staff): pick the photo the consumer shows on their phone (sent over, or in the staff
 * member's own gallery) and compare its SHA-256, computed here, with the recorded hashes. Nothing
 * is uploaded.
 */
export function OriginalCheck({ evidence }: { evidence: ReadonlyArray<Pick<Evidence, 'sha256' | 'originalSha256'>> }) {
  const [match, setMatch] = useState<OriginalMatch | null>(null)
  const [busy, setBusy] = useState(false)

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
      <Text className='muted'>从相册选一张照片，看它是不是消费者提交的证据照片（在本机计算 SHA-256，不上传）。</Text>
      <Button className='btn btn-secondary original-check__button' loading={busy} disabled={busy} onClick={() => void check()}>
        核对原图
      </Button>
      {match && (
        <View className={`original-check__result original-check__result--${match.kind}`}>
          <Text className='original-check__verdict'>{matchText(match)}</Text>
          <Text className='result__hash'>所选照片 SHA-256：{match.sha256}</Text>
        </View>
      )}
    </View>
  )
}
