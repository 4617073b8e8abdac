/**
 * Shrinks a photo on the device before upload: long edge ≤ 1600 px, JPEG quality ≈ 0.75, turned
 * upright. Taro builds `image-compress.weapp.ts` or `image-compress.h5.ts`; this neutral file types them.
 * Returns the file ref to upload (the input itself when it is kept as the original, or when the
 * device cannot compress it: the server makes its own display copy anyway).
 */
export interface PrepareOptions {
  /** 原图: upload the untouched file. */
  original: boolean
}

export function prepareForUpload(_file: string, _options: PrepareOptions): Promise<string> {
  throw new Error('维权通只支持微信小程序和手机网页')
}
