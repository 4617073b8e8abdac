import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MAX_PHOTOS } from '@/contract/complaint-rules'
import { PrivacyPopup } from '@/components/privacy-popup'
import { choosePhotos, type PhotoSource } from '@/lib/photo-files'
import { photoState, type ComplaintDraft } from '../../drafts/draft-model'
import { goToStep } from '../navigation'
import { PhotoList, type PhotoTile } from '../photo-list'
import { StepFrame } from '../step-frame'
import { useFilingStore } from '../use-filing-store'
import { useOpenDraft, type DraftOwner } from '../use-open-draft'
import type { UploadProgress } from '../upload-photo'

export const RED = '#b71c1c'

export function photoTiles(draft: ComplaintDraft, uploads: Record<string, UploadProgress>): PhotoTile[] {
  return draft.photos.map((p) => ({
    id: p.id,
    file: p.file,
    bytes: p.bytes,
    original: p.original,
    uploaded: photoState(p) === 'uploaded',
    error: p.error,
    rejected: p.rejected,
    progress: uploads[p.id] ?? null,
  }))
}

export async function confirmRemovePhoto(index: number): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title: '删除照片', content: `确定删除照片 ${index + 1} 吗？`, confirmText: '删除', cancelText: '不删', confirmColor: RED })
  return confirm
}

export function PhotosStep({ owner, draftId }: { owner: DraftOwner; draftId?: string }) {
  const { draft, problem } = useOpenDraft(owner, draftId)
  const uploads = useFilingStore((s) => s.uploads)
  const [busy, setBusy] = useState(false)

  async function add(source: PhotoSource) {
    if (!draft) return
    try {
      const picked = await choosePhotos(source, MAX_PHOTOS - draft.photos.length)
      if (picked.length) await useFilingStore.getState().addPhotos(picked)
    } catch (error) {
      void Taro.showModal({ title: '没能添加照片', content: error instanceof Error ? error.message : '请重试', showCancel: false, confirmText: '知道了' })
    }
  }

  async function remove(id: string) {
    const index = draft?.photos.findIndex((p) => p.id === id) ?? -1
    if (index >= 0 && (await confirmRemovePhoto(index))) await useFilingStore.getState().removePhoto(id)
  }

  async function next() {
    if (!draft) return
    setBusy(true)
    try {
      useFilingStore.getState().reachStep(4)
      await useFilingStore.getState().flush()
      await goToStep(4, draft.id, 3)
    } finally {
      setBusy(false)
    }
  }

  return (
    <StepFrame step={3} ready={!!draft} problem={problem} onBack={() => draft && void goToStep(2, draft.id, 3)} onNext={next} nextBusy={busy}>
      {draft && (
        <View>
          <View className='card'>
            <Text className='tip'>拍下商品、小票、合同、聊天记录等。照片会先压缩再上传，更省流量；需要保留清晰原件时，打开“原图”。回执会记下每张照片原件的指纹（SHA-256），以后可以和相册里的照片核对。</Text>
            <Text className='muted tip'>没有照片也可以提交；照片在后台上传，可以先填下一步。</Text>
          </View>
          <PhotoList
            photos={photoTiles(draft, uploads)}
            max={MAX_PHOTOS}
            onAdd={(source) => void add(source)}
            onRemove={(id) => void remove(id)}
            onRetry={(id) => useFilingStore.getState().retryPhoto(id)}
            onOriginal={(id, original) => useFilingStore.getState().setOriginal(id, original)}
          />
        </View>
      )}
      <PrivacyPopup />
    </StepFrame>
  )
}
