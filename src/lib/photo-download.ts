/**
 * Keeps on the device a photo the server already has (e.g. a question's photo carried into a
 * complaint): shown from the device like any photo in a draft, never uploaded again. Taro picks
 * `photo-download.weapp.ts` or `photo-download.h5.ts` at build time; this neutral file types it.
 */
export function downloadPhoto(_url: string, _photoId: string): Promise<{ file: string; bytes: number }> {
  return Promise.reject(new Error('维权通只支持微信小程序和手机网页'))
}
