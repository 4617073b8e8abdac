import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { photoSrc } from '@/lib/photo-files'

/**
 * A grid of small pictures; tapping one opens the phone's own viewer with all of them. `files`
 * are local photo refs, `urls` are server URLs (already absolute).
 */
export function PhotoThumbs({ files, urls, previewUrls }: { files?: string[]; urls?: string[]; previewUrls?: string[] }) {
  const [local, setLocal] = useState<string[]>([])
  // A new array each render, the same photos: depend on their names, not on the array.
  const fileKey = files ? files.join('\n') : ''
  useEffect(() => {
    if (!fileKey) return setLocal([])
    let live = true
    Promise.all(fileKey.split('\n').map((f) => photoSrc(f).catch(() => ''))).then((srcs) => live && setLocal(srcs), () => undefined)
    return () => {
      live = false
    }
  }, [fileKey])
  const shown = urls ?? local
  const large = previewUrls ?? shown
  return (
    <View className='thumbs'>
      {shown.map((src, index) => (
        <Image
          key={`${index}-${src}`}
          className='thumbs__item'
          src={src}
          mode='aspectFill'
          aria-label={`照片 ${index + 1}`}
          // The <img> inside Taro's H5 Image needs its own alt (the host's aria-label does not reach it).
          nativeProps={{ alt: `证据照片 ${index + 1}，点按查看大图` }}
          onClick={() => void Taro.previewImage({ current: large[index] ?? src, urls: large.filter(Boolean) })}
        />
      ))}
    </View>
  )
}
