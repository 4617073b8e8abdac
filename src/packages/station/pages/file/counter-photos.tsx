import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { MAX_PHOTOS } from '@/contract/complaint-rules'
import { choosePhotos, discardPhoto, type PhotoSource } from '@/lib/photo-files'
import { PhotoList, type PhotoTile } from '@/features/complaints/filing/photo-list'
import { describeUploadFailure, uploadPhotoFile } from '@/features/complaints/filing/upload-photo'
import { registerCounterPhoto } from '@/features/walk-in'

/** 拍照: photos taken at the counter, each uploaded as soon as it is added; they become the person's with the complaint. */
export function CounterPhotos({ walkInId, onNext }: { walkInId: string; onNext(evidenceIds: string[]): void }) {
  const [photos, setPhotos] = useState<Array<PhotoTile & { evidenceId?: string }>>([])
  const serial = useRef(0)
  const update = (id: string, change: Partial<PhotoTile & { evidenceId?: string }>) => setPhotos((all) => all.map((p) => (p.id === id ? { ...p, ...change } : p)))

  async function upload(tile: PhotoTile) {
    update(tile.id, { error: null, rejected: false })
    try {
      const evidence = await uploadPhotoFile(tile.file, { original: tile.original }, (progress) => update(tile.id, { progress }))
      // Registered with the filing: if the complaint is never submitted, the photo is deleted with it.
      await registerCounterPhoto(walkInId, evidence.id)
      update(tile.id, { uploaded: true, progress: null, evidenceId: evidence.id })
    } catch (error) {
      const failure = describeUploadFailure(error)
      update(tile.id, { progress: null, error: failure.message, rejected: failure.rejected })
    }
  }

  async function add(source: PhotoSource) {
    const picked = await choosePhotos(source, MAX_PHOTOS - photos.length)
    const tiles = picked.map((p) => ({ id: `p${++serial.current}`, file: p.file, bytes: p.bytes, original: false, uploaded: false, error: null, rejected: false, progress: null }))
    setPhotos((all) => [...all, ...tiles])
    for (const tile of tiles) void upload(tile)
  }

  function remove(id: string) {
    const tile = photos.find((p) => p.id === id)
    if (tile) void discardPhoto(tile.file)
    setPhotos((all) => all.filter((p) => p.id !== id))
  }

  const busy = photos.some((p) => !p.uploaded && !p.error)
  const failed = photos.some((p) => p.error)
  return (
    <View className='walk-in__step'>
      <Text className='walk-in__lead'>给购物凭证、商品、聊天记录等拍照。没有照片也可以直接提交。</Text>
      <PhotoList
        photos={photos}
        max={MAX_PHOTOS}
        onAdd={(source) => void add(source)}
        onRemove={remove}
        onRetry={(id) => {
          const tile = photos.find((p) => p.id === id)
          if (tile) void upload(tile)
        }}
        onOriginal={(id, original) => {
          const tile = photos.find((p) => p.id === id)
          if (tile && !tile.uploaded) update(id, { original })
        }}
      />
      {failed && <Text className='field-error'>有照片没有上传成功：请重试或删除后再提交</Text>}
      <Button className='btn btn-primary walk-in__next' disabled={busy || failed || undefined} onClick={() => onNext(photos.flatMap((p) => (p.evidenceId ? [p.evidenceId] : [])))}>
        {busy ? '照片上传中…' : '下一步：核对提交'}
      </Button>
    </View>
  )
}
