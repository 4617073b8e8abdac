import { persistPhoto, registerBlob } from './photo-files.h5'

export async function downloadPhoto(url: string, photoId: string): Promise<{ file: string; bytes: number }> {
  const response = await fetch(url)
  if (!response.ok) throw new Error('照片下载失败')
  const blob = await response.blob()
  return { file: await persistPhoto(registerBlob(blob), photoId), bytes: blob.size }
}
