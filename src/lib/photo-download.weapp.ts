import Taro from '@tarojs/taro'
import { persistPhoto } from './photo-files.weapp'

export async function downloadPhoto(url: string, photoId: string): Promise<{ file: string; bytes: number }> {
  const result = await Taro.downloadFile({ url })
  if (result.statusCode !== 200) throw new Error('照片下载失败')
  const file = await persistPhoto(result.tempFilePath, photoId)
  const bytes = await new Promise<number>((resolve) => {
    Taro.getFileSystemManager().getFileInfo({ filePath: file, success: (res) => resolve(res.size), fail: () => resolve(0) })
  })
  return { file, bytes }
}
