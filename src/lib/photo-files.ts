/**
 * Photos on the device, behind one interface; Taro picks `photo-files.weapp.ts` or `photo-files.h5.ts`
 * at build time (https://docs.taro.zone/docs/envs#统一接口的多端文件). This neutral file gives
 * TypeScript the shared types and signatures; it is bundled only for platforms we do not build.
 *
 * A photo is referred to by a string ("file"): a local path on weapp, a key of an in-memory or
 * IndexedDB Blob on H5.
 */
export type PhotoSource = 'camera' | 'album' | 'camera-or-album'

export interface PickedPhoto {
  file: string
  bytes: number
}

const unsupported = (): never => {
  throw new Error('维权通只支持微信小程序和手机网页')
}

/** Lets the user take or pick up to `max` photos; resolves [] when they cancel. */
export function choosePhotos(_source: PhotoSource, _max: number): Promise<PickedPhoto[]> {
  return unsupported()
}

/** Copies a picked photo where it survives the app being closed; returns its new file ref. */
export function persistPhoto(_file: string, _photoId: string): Promise<string> {
  return unsupported()
}

/** Forgets a photo (no error when it is already gone). */
export function discardPhoto(_file: string): Promise<void> {
  return unsupported()
}

/** A URL an <Image> can show. */
export function photoSrc(_file: string): Promise<string> {
  return unsupported()
}

/** The whole file, to check its type, hash it and read its EXIF before anything is sent. */
export function readPhotoBytes(_file: string): Promise<Uint8Array> {
  return unsupported()
}

/** Size in bytes of a file ref (e.g. the compressed copy about to be sent). */
export function photoFileSize(_file: string): Promise<number> {
  return unsupported()
}
