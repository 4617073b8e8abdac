import { idbDelete, idbGet, idbPut } from './idb'
import type { PhotoSource, PickedPhoto } from './photo-files'
import { uuid } from './uuid'

/** Blobs by file ref: `mem:<id>` lives only in this tab, `idb:<photoId>` is also in IndexedDB. */
const blobs = new Map<string, Blob>()
const objectUrls = new Map<string, string>()

/** Keeps a Blob in memory and returns its file ref (used for compressed copies). */
export function registerBlob(blob: Blob): string {
  const file = `mem:${uuid()}`
  blobs.set(file, blob)
  return file
}

export async function photoBlob(file: string): Promise<Blob> {
  const cached = blobs.get(file)
  if (cached) return cached
  if (file.startsWith('idb:')) {
    const stored = await idbGet<Blob>('photos', file.slice(4))
    if (stored) {
      blobs.set(file, stored)
      return stored
    }
  }
  throw new Error('照片已不在本机，请删除后重新添加')
}

/**
 * A file input made on demand. `capture` opens the camera directly; without it phones offer the
 * album (and usually the camera too).
 */
export function choosePhotos(source: PhotoSource, max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return Promise.resolve([])
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    if (source === 'camera') input.setAttribute('capture', 'environment')
    else input.multiple = true
    input.style.display = 'none'
    const done = (files: File[]) => {
      input.remove()
      resolve(files.slice(0, max).map((f) => ({ file: registerBlob(f), bytes: f.size })))
    }
    input.addEventListener('change', () => done(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => done([]))
    // NOTE: iOS Safari only opens the picker for an input that is in the document.
    document.body.appendChild(input)
    input.click()
  })
}

export async function persistPhoto(file: string, photoId: string): Promise<string> {
  if (file.startsWith('idb:')) return file
  const blob = await photoBlob(file)
  const target = `idb:${photoId}`
  try {
    await idbPut('photos', photoId, blob)
  } catch {
    // Private browsing may refuse IndexedDB: the photo still works until the tab is closed.
    blobs.set(target, blob)
    return target
  }
  blobs.set(target, blob)
  blobs.delete(file)
  return target
}

export async function discardPhoto(file: string): Promise<void> {
  blobs.delete(file)
  const url = objectUrls.get(file)
  if (url) URL.revokeObjectURL(url)
  objectUrls.delete(file)
  if (file.startsWith('idb:')) await idbDelete('photos', file.slice(4)).catch(() => undefined)
}

export async function photoSrc(file: string): Promise<string> {
  const known = objectUrls.get(file)
  if (known) return known
  const url = URL.createObjectURL(await photoBlob(file))
  objectUrls.set(file, url)
  return url
}

export async function readPhotoBytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await (await photoBlob(file)).arrayBuffer())
}

export async function photoFileSize(file: string): Promise<number> {
  return (await photoBlob(file)).size
}
