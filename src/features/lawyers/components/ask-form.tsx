import { useState } from 'react'
import { Button, Image, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BUSINESS_NAME_MAX } from '@/contract/complaint-rules'
import type { Evidence } from '@/contract/evidence'
import type { Question } from '@/contract/lawyer-qa'
import { QUESTION_MAX, QUESTION_MIN, QUESTION_PHOTOS_MAX } from '@/contract/lawyer-qa-rules'
import { errorMessage } from '@/lib/http'
import { usePhotoAttachments } from '@/lib/use-photo-attachments'
import { askQuestion } from '../api/lawyer-qa'
import './lawyers.css'

/**
 * 我要提问: the question (≤1000 字), up to 3 photos uploaded one by one with progress, and whether it
 * may be published without name, phone or numbers. Sending shows the question as the asker will find it.
 */
export function AskForm({ sessionId, onAsked }: { sessionId: string; onAsked: (question: Question) => void }) {
  const [text, setText] = useState('')
  const [businessName, setBusinessName] = useState('')
  const { photos, setPhotos, status, problem, setProblem, busy, setBusy, addPhoto } = usePhotoAttachments(QUESTION_PHOTOS_MAX)
  const [allowPublish, setAllowPublish] = useState(true)

  async function removePhoto(photo: Evidence) {
    const { confirm } = await Taro.showModal({ title: '删除照片', content: '确定不要这张照片了吗？', confirmText: '删除', cancelText: '保留' })
    if (confirm) setPhotos((current) => current.filter((p) => p.id !== photo.id))
  }

  async function send() {
    if (busy) return
    const trimmed = text.trim()
    if ([...trimmed].length < QUESTION_MIN) return setProblem(`请把问题写清楚一些（至少 ${QUESTION_MIN} 个字）`)
    const business = businessName.trim()
    if (business && [...business].length < 2) return setProblem('商家名称至少 2 个字，不清楚可以不填')
    setBusy(true)
    setProblem('')
    try {
      onAsked(await askQuestion(sessionId, { text: trimmed, photoIds: photos.map((p) => p.id), allowPublish, ...(business ? { businessName: business } : {}) }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='qa'>
      <View className='card'>
        <Text className='qa-label'>您的问题</Text>
        <Text className='muted qa-hint'>写清楚在哪里买的、花了多少钱、商家怎么说的。</Text>
        <Textarea className='field-input qa-textarea' value={text} maxlength={QUESTION_MAX} autoHeight aria-label='您的问题' placeholder='例如：在健身房办了预付卡，店关门了……' onInput={(e) => setText(e.detail.value)} />
        <Text className='muted qa-count'>{[...text].length} / {QUESTION_MAX} 字</Text>
        <Text className='qa-label'>涉及的商家（可不填）</Text>
        <Text className='muted qa-hint'>填了以后，如果律师建议投诉，可以一键带入投诉。不会公开。</Text>
        <Input className='field-input' value={businessName} maxlength={BUSINESS_NAME_MAX} aria-label='涉及的商家' placeholder='例如：星光健身（朝阳店）' onInput={(e) => setBusinessName(e.detail.value)} />
      </View>
      <View className='card'>
        <Text className='qa-label'>照片（可选，最多 {QUESTION_PHOTOS_MAX} 张）</Text>
        <View className='qa-photos'>
          {photos.map((photo, index) => (
            <Image key={photo.id} className='qa-photo' src={photo.thumbnailUrl} mode='aspectFill' nativeProps={{ alt: `第 ${index + 1} 张照片，点一下删除` }} onClick={() => void removePhoto(photo)} />
          ))}
        </View>
        {status && <Text className='qa-line'>{status}</Text>}
        {photos.length < QUESTION_PHOTOS_MAX && (
          <Button className='btn btn-secondary' disabled={busy || undefined} onClick={() => void addPhoto()}>
            添加照片
          </Button>
        )}
      </View>
      <View className='card qa-switch-row'>
        <View className='qa-switch-text'>
          <Text className='qa-label'>同意公开</Text>
          <Text className='muted'>隐去姓名、电话和号码后，让更多人看到律师的解答。不同意也会收到解答。</Text>
        </View>
        <Text className='qa-state'>{allowPublish ? '同意' : '不同意'}</Text>
        <Switch color='#b71c1c' checked={allowPublish} aria-label='同意匿名公开' onChange={(e) => setAllowPublish(e.detail.value)} />
      </View>
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void send()}>
        {busy && !status ? '正在提交…' : '提交问题'}
      </Button>
    </View>
  )
}
