/**
 * Uploading a picture for a warning (`POST /api/staff/warning-images`, multipart `file`): the server
 * keeps a metadata-free public copy. Taro builds the `.weapp.ts` (Taro.uploadFile) or `.h5.ts`
 * (FormData through axios) variant, like src/lib/upload.
 */
import type { WarningImage } from './warning-types'

export function uploadWarningImage(_file: string, _onProgress: (percent: number) => void): Promise<WarningImage> {
  throw new Error('维权通只支持微信小程序和手机网页')
}
