import Taro from '@tarojs/taro'
import type { PrepareOptions } from './image-compress'
import { COMPRESS_LONG_EDGE, COMPRESS_QUALITY, fitLongEdge, uprightSize } from './image-size'

/**
 * Taro.compressImage does the work. NOTE: `compressedWidth` (base library ≥ 2.26.0) was long
 * ignored on iOS, which reads `compressWidth`; both are passed
 * (https://developers.weixin.qq.com/community/develop/doc/000c08940c865011298e0a43256800).
 * Only the width is given so the aspect ratio is kept whichever way the device stores the pixels.
 * iOS compresses only JPEG: anything else is uploaded as it is and the server converts it.
 */
export async function prepareForUpload(file: string, { original }: PrepareOptions): Promise<string> {
  if (original) return file
  try {
    const info = await Taro.getImageInfo({ src: file })
    const upright = uprightSize(info.width, info.height, info.orientation)
    const fit = fitLongEdge(upright.width, upright.height, COMPRESS_LONG_EDGE)
    const options: Taro.compressImage.Option & { compressWidth?: number } = { src: file, quality: Math.round(COMPRESS_QUALITY * 100) }
    if (fit.scaled) {
      options.compressedWidth = fit.width
      options.compressWidth = fit.width
    }
    const result = await Taro.compressImage(options)
    return result.tempFilePath || file
  } catch {
    return file
  }
}
