import type { PrepareOptions } from './image-compress'
import { COMPRESS_LONG_EDGE, COMPRESS_QUALITY, fitLongEdge } from './image-size'
import { photoBlob, registerBlob } from './photo-files.h5'

type Drawable = ImageBitmap | HTMLImageElement

/**
 * Decodes upright: `imageOrientation: 'from-image'` applies the EXIF orientation, and so do <img>
 * elements in current browsers (CSS image-orientation defaults to from-image).
 */
async function decode(blob: Blob): Promise<{ image: Drawable; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
      return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }
    } catch {
      // Older Safari rejects the options bag: fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(blob)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined }
  } finally {
    URL.revokeObjectURL(url)
  }
}

export async function prepareForUpload(file: string, { original }: PrepareOptions): Promise<string> {
  if (original) return file
  const blob = await photoBlob(file)
  let decoded: Awaited<ReturnType<typeof decode>>
  try {
    decoded = await decode(blob)
  } catch {
    return file // e.g. HEIC in Chrome: the server can read it
  }
  try {
    const fit = fitLongEdge(decoded.width, decoded.height, COMPRESS_LONG_EDGE)
    const canvas = document.createElement('canvas')
    canvas.width = fit.width
    canvas.height = fit.height
    const context = canvas.getContext('2d')
    if (!context) return file
    context.fillStyle = '#ffffff' // transparent PNG areas would turn black in a JPEG
    context.fillRect(0, 0, fit.width, fit.height)
    context.drawImage(decoded.image, 0, 0, fit.width, fit.height)
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', COMPRESS_QUALITY))
    if (!jpeg) return file
    // A small JPEG can come out bigger after re-encoding; keep it then.
    if (!fit.scaled && blob.type === 'image/jpeg' && jpeg.size >= blob.size) return file
    return registerBlob(jpeg)
  } finally {
    decoded.close()
  }
}
