import Taro from '@tarojs/taro'

// Apart from photo-files.weapp.ts so that the main package (drafts on the 投诉 tab) gets only this,
// not the photo picker and its privacy messages, which the subpackages use.

export function userDir(): string {
  return Taro.env.USER_DATA_PATH ?? ''
}

export function discardPhoto(file: string): Promise<void> {
  const dir = userDir()
  // Temp files (chooseMedia, compressImage) are WeChat's to clean up; ours live in USER_DATA_PATH.
  if (!dir || !file.startsWith(dir)) return Promise.resolve()
  return new Promise((resolve) => {
    Taro.getFileSystemManager().unlink({ filePath: file, complete: () => resolve() })
  })
}
