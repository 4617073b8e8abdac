import { useEffect, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { EVIDENCE_MAX_BYTES } from '@/contract/complaint-rules'
import { photoSrc, type PhotoSource } from '@/lib/photo-files'
import type { UploadProgress } from './upload-photo'

export interface PhotoTile {
  id: string
  file: string
  bytes: number
  original: boolean
  uploaded: boolean
  error: string | null
  rejected: boolean
  progress: UploadProgress | null
}

interface Props {
  photos: PhotoTile[]
  max: number
  onAdd(source: PhotoSource): void
  onRemove(id: string): void
  onRetry(id: string): void
  onOriginal(id: string, original: boolean): void
}

function Thumb({ file }: { file: string }) {
  const [src, setSrc] = useState('')
  useEffect(() => {
    let live = true
    photoSrc(file).then((url) => live && setSrc(url), () => undefined)
    return () => {
      live = false
    }
  }, [file])
  return <Image className='photo__thumb' src={src} mode='aspectFill' nativeProps={{ alt: '已添加的照片' }} />
}

function statusOf(photo: PhotoTile): { text: string; tone: 'ok' | 'busy' | 'bad' } {
  const p = photo.progress
  if (p?.stage === 'preparing') return { text: photo.original ? '正在检查照片…' : '正在检查并压缩…', tone: 'busy' }
  if (p?.stage === 'uploading') return { text: `正在上传 ${p.percent}%`, tone: 'busy' }
  if (p?.stage === 'waiting') return { text: `网络不好，马上重试（第 ${p.attempt} 次）`, tone: 'busy' }
  if (photo.uploaded) return { text: '✓ 已上传', tone: 'ok' }
  if (photo.error) return { text: photo.error, tone: 'bad' }
  return { text: '等待上传', tone: 'busy' }
}

/**
 * Evidence photos, one per row: picture, upload state with %, and big 原图 / 重试 / 删除 buttons. A
 * photo refused for good (not a photo, too large) shows one message and only 删除.
 */
export function PhotoList({ photos, max, onAdd, onRemove, onRetry, onOriginal }: Props) {
  const left = max - photos.length
  return (
    <View className='photos'>
      {photos.map((photo, index) => {
        const status = statusOf(photo)
        const tooBig = photo.bytes > EVIDENCE_MAX_BYTES
        const percent = photo.progress?.stage === 'uploading' ? photo.progress.percent : photo.uploaded ? 100 : 0
        return (
          <View key={photo.id} className='photo card' data-photo-index={index}>
            <View className='photo__main'>
              <Thumb file={photo.file} />
              <View className='photo__info'>
                <Text className='photo__name'>照片 {index + 1}</Text>
                <Text className={`photo__status photo__status--${status.tone}`}>{status.text}</Text>
                <View className='photo__bar'>
                  <View className={`photo__bar-fill ${photo.uploaded ? 'photo__bar-fill--done' : ''}`} style={{ width: `${percent}%` }} />
                </View>
              </View>
            </View>
            <View className='photo__actions'>
              {!photo.rejected && (
                <View
                  className={`toggle photo__original ${photo.original ? 'toggle--on' : ''} ${tooBig ? 'toggle--disabled' : ''}`}
                  role='checkbox'
                  aria-checked={photo.original}
                  aria-disabled={tooBig}
                  aria-label='原图'
                  onClick={() => !tooBig && onOriginal(photo.id, !photo.original)}
                >
                  <Text className='toggle__box'>{photo.original ? '✓' : ''}</Text>
                  <Text>原图</Text>
                </View>
              )}
              {photo.error && !photo.rejected && !photo.progress && (
                <Button className='btn btn-secondary photo__button' onClick={() => onRetry(photo.id)}>
                  重试
                </Button>
              )}
              <Button className='btn btn-plain photo__button' onClick={() => onRemove(photo.id)}>
                删除
              </Button>
            </View>
            {tooBig && !photo.error && <Text className='muted photo__hint'>原图超过 10 MB，会压缩后上传</Text>}
          </View>
        )
      })}

      {left > 0 ? (
        process.env.TARO_ENV === 'h5' ? (
          <View className='photos__add'>
            <Button className='btn btn-secondary photos__add-button' onClick={() => onAdd('camera')}>
              拍照
            </Button>
            <Button className='btn btn-secondary photos__add-button' onClick={() => onAdd('album')}>
              从相册选
            </Button>
          </View>
        ) : (
          <Button className='btn btn-secondary photos__add-button' onClick={() => onAdd('camera-or-album')}>
            拍照或从相册选
          </Button>
        )
      ) : (
        <Text className='muted'>已达到 {max} 张的上限</Text>
      )}
      <Text className='muted photos__count'>
        已添加 {photos.length} 张，最多 {max} 张
      </Text>
    </View>
  )
}
