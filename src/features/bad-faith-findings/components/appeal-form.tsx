import { useState } from 'react'
import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Finding } from '@/contract/bad-faith-finding'
import { FINDING_APPEAL_MAX, FINDING_APPEAL_MIN, FINDING_PHOTOS_MAX } from '@/contract/bad-faith-finding-rules'
import { errorMessage } from '@/lib/http'
import { usePhotoAttachments } from '@/lib/use-photo-attachments'
import { appealFinding } from '../api/credit-findings'
import { chinaDay } from './finding-words'

/** 提交申辩: one text and optional photos (uploaded one by one first), confirmed before sending: it can be sent once. */
export function AppealForm({ finding, onAppealed }: { finding: Finding; onAppealed: (finding: Finding) => void }) {
  const [text, setText] = useState('')
  const { photos, setPhotos, status, problem, setProblem, busy, setBusy, addPhoto } = usePhotoAttachments(FINDING_PHOTOS_MAX)

  async function send() {
    if (busy) return
    const trimmed = text.trim()
    if ([...trimmed].length < FINDING_APPEAL_MIN) return setProblem(`请写清申辩的理由（至少 ${FINDING_APPEAL_MIN} 个字）`)
    const { confirm } = await Taro.showModal({ title: '提交申辩', content: '每项认定只能申辩一次，提交后不能修改。确定提交吗？', confirmText: '提交', cancelText: '再看看' })
    if (!confirm) return
    setBusy(true)
    setProblem('')
    try {
      onAppealed(await appealFinding(finding.id, { text: trimmed, photoIds: photos.map((p) => p.id) }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <Text className='credit-label'>提交申辩（截至 {chinaDay(finding.appealDueAt)}）</Text>
      <Text className='muted'>说明事实、已经采取的补救措施（如已退款），可附凭证照片。申辩会由另一位工作人员复核，认定时会摘要公示。</Text>
      <Textarea className='field-input credit-textarea' value={text} maxlength={FINDING_APPEAL_MAX} autoHeight aria-label='申辩内容' placeholder='例如：我司已于 11 月向全部会员退款，附银行回单……' onInput={(e) => setText(e.detail.value)} />
      <Text className='muted'>
        {[...text].length} / {FINDING_APPEAL_MAX} 字
      </Text>
      <Text className='credit-label'>凭证照片（可选，最多 {FINDING_PHOTOS_MAX} 张）</Text>
      <View className='credit-photos'>
        {photos.map((photo, index) => (
          <Image key={photo.id} className='credit-photo' src={photo.thumbnailUrl} mode='aspectFill' nativeProps={{ alt: `第 ${index + 1} 张照片` }} onClick={() => setPhotos((current) => current.filter((p) => p.id !== photo.id))} />
        ))}
      </View>
      {photos.length > 0 && <Text className='muted'>点一下照片可去掉它</Text>}
      {status && <Text className='credit-line'>{status}</Text>}
      {problem && <Text className='field-error'>{problem}</Text>}
      <View className='credit-actions'>
        {photos.length < FINDING_PHOTOS_MAX && (
          <Button className='btn btn-secondary' disabled={busy || undefined} onClick={() => void addPhoto()}>
            添加照片
          </Button>
        )}
        <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void send()}>
          {busy && !status ? '正在提交…' : '提交申辩'}
        </Button>
      </View>
    </View>
  )
}
