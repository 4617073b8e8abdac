import Taro from '@tarojs/taro'
import type { PhotoSource, PickedPhoto } from './photo-files'
import { userDir } from './photo-discard.weapp'
import { PRIVACY_WAY_FORWARD, privacyRefusal } from './privacy-errors'

export { discardPhoto } from './photo-discard.weapp'

const SOURCES: Record<PhotoSource, Array<'camera' | 'album'>> = {
  camera: ['camera'],
  album: ['album'],
  'camera-or-album': ['camera', 'album'],
}

const isCancel = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? error))

/**
 * NOTE: Taro 4.2.1 does not promisify chooseMedia on weapp (it is missing from needPromiseApis in
 * @tarojs/shared and @tarojs/plugin-platform-weapp): `await Taro.chooseMedia(opts)` only works where
 * WeChat itself returns a Promise. Callbacks work everywhere.
 */
function chooseMedia(options: Taro.chooseMedia.Option): Promise<Taro.chooseMedia.SuccessCallbackResult> {
  return new Promise((resolve, reject) => {
    Taro.chooseMedia({ ...options, success: resolve, fail: reject })
  })
}

export async function choosePhotos(source: PhotoSource, max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return []
  try {
    // sizeType original: we compress ourselves (long edge 1600, q≈0.75) and the 原图 switch needs the real original.
    const result = await chooseMedia({ count: max, mediaType: ['image'], sourceType: SOURCES[source], sizeType: ['original'], camera: 'back' })
    return result.tempFiles.slice(0, max).map((f) => ({ file: f.tempFilePath, bytes: f.size }))
  } catch (error) {
    if (isCancel(error)) return []
    const privacy = privacyRefusal(error)
    if (privacy) throw new Error(privacy === 'not-agreed' ? PRIVACY_WAY_FORWARD.photos : PRIVACY_WAY_FORWARD.notDeclared)
    throw new Error('无法打开相机或相册，请在微信设置中允许使用相机和相册')
  }
}


function extensionOf(path: string): string {
  const match = /\.(jpe?g|png|webp|heic|heif)$/i.exec(path)
  return match ? match[0].toLowerCase() : '.jpg'
}

/**
 * NOTE: wx.saveFile keeps files as "本地缓存文件" limited to 10 MB in all; the FileSystemManager's user
 * files share the 200 MB quota and may be named by us. Saving moves the temp file.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/ability/file-system.html
 */
export function persistPhoto(file: string, photoId: string): Promise<string> {
  const dir = userDir()
  if (!dir || file.startsWith(dir)) return Promise.resolve(file)
  const target = `${dir}/weiquan-photo-${photoId}${extensionOf(file)}`
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().saveFile({
      tempFilePath: file,
      filePath: target,
      success: (res) => resolve(res.savedFilePath || target),
      fail: (res) => reject(new Error(`照片保存失败：${res.errMsg}`)),
    })
  })
}

export function photoSrc(file: string): Promise<string> {
  return Promise.resolve(file)
}

export function readPhotoBytes(file: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file,
      success: (res) => resolve(new Uint8Array(res.data as ArrayBuffer)),
      fail: () => reject(new Error('照片已不在本机，请删除后重新添加')),
    })
  })
}

export function photoFileSize(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath: file,
      success: (res) => resolve(res.size),
      fail: () => reject(new Error('照片已不在本机，请删除后重新添加')),
    })
  })
}
