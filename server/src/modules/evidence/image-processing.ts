import sharp, { type Sharp } from 'sharp'
import { DISPLAY_LONG_EDGE, EVIDENCE_MAX_PIXELS, THUMBNAIL_LONG_EDGE } from '../../../../src/contract/complaint-rules'
import { AppError } from '../../errors'
import { readPhotoMetadata, type PhotoLocation } from './capture-time'
import { decodeHeic } from './heic-decoder'
import { sniffImageType, type ImageType } from './image-sniff'
import { stripJpegMetadata } from './jpeg-segments'

export interface ProcessedImage {
  type: ImageType
  /** As the photo is seen, after EXIF orientation. */
  width: number
  height: number
  capturedAt: string | null
  /** From the file's EXIF GPS; staff only. */
  location: PhotoLocation | null
  /** ≤ DISPLAY_LONG_EDGE px JPEG, upright, no EXIF/XMP/GPS (an ICC profile may stay). */
  display: Buffer
  /** ≈ THUMBNAIL_LONG_EDGE px WebP, no metadata. */
  thumbnail: Buffer
}

const DISPLAY_JPEG_QUALITY = 80
const THUMBNAIL_WEBP_QUALITY = 70

/**
 * Checks that the bytes are a photo we accept and makes the copies people look at. The pixel
 * count is read from the file header and checked before anything is decoded, so a small file that
 * would expand to gigabytes (a decompression bomb) is refused cheaply.
 */
export async function processEvidenceImage(bytes: Buffer, maxPixels = EVIDENCE_MAX_PIXELS): Promise<ProcessedImage> {
  const type = sniffImageType(bytes)
  if (!type) throw new AppError(415, 'UNSUPPORTED_IMAGE')
  const source = type === 'heic' ? await openHeic(bytes, maxPixels) : await openWithSharp(bytes, type, maxPixels)
  try {
    const { data, info } = await source.image
      .autoOrient() // the output keeps no metadata (EXIF, GPS, XMP, ICC) because none is asked for
      .flatten({ background: '#ffffff' })
      .resize({ width: DISPLAY_LONG_EDGE, height: DISPLAY_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const resized = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    // Decoding above also proved the file whole, so an already-fit JPEG may be served as it came.
    const asUploaded = source.passThrough ? stripJpegMetadata(bytes) : null
    const [display, thumbnail, metadata] = await Promise.all([
      asUploaded ?? resized().jpeg({ quality: DISPLAY_JPEG_QUALITY }).toBuffer(),
      resized()
        .resize({ width: THUMBNAIL_LONG_EDGE, height: THUMBNAIL_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: THUMBNAIL_WEBP_QUALITY })
        .toBuffer(),
      readPhotoMetadata(bytes),
    ])
    return { type, width: source.width, height: source.height, ...metadata, display, thumbnail }
  } catch (error) {
    if (/exceeds pixel limit/i.test((error as Error).message)) throw new AppError(422, 'IMAGE_TOO_MANY_PIXELS')
    throw corrupt(error)
  }
}

interface OpenedImage {
  image: Sharp
  width: number
  height: number
  /**
   * A JPEG already upright, in sRGB or grey, and within the display size (typically the phone's own
   * 1600 px copy): re-encoding it would only lose detail and add bytes, so its metadata is stripped
   * losslessly instead.
   */
  passThrough: boolean
}

async function openWithSharp(bytes: Buffer, type: ImageType, maxPixels: number): Promise<OpenedImage> {
  let metadata: sharp.Metadata
  try {
    // metadata() reads the header only, so no limit is needed here; the check follows.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw corrupt(error)
  }
  // The magic bytes said one format, libvips must agree (a JPEG signature glued onto something else is not a JPEG).
  if (metadata.format !== type || !metadata.width || !metadata.height) throw corrupt(new Error(`header says ${metadata.format}`))
  if (metadata.width * metadata.height > maxPixels) throw new AppError(422, 'IMAGE_TOO_MANY_PIXELS')
  // limitInputPixels is the second guard, should a header ever understate what decoding produces.
  // failOn 'warning': libjpeg only warns about a truncated file and would fill the missing part with grey.
  const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'warning' })
  const passThrough =
    type === 'jpeg' &&
    (metadata.orientation ?? 1) === 1 &&
    (metadata.space === 'srgb' || metadata.space === 'b-w') &&
    Math.max(metadata.width, metadata.height) <= DISPLAY_LONG_EDGE
  return { image, width: metadata.autoOrient.width, height: metadata.autoOrient.height, passThrough }
}

async function openHeic(bytes: Buffer, maxPixels: number): Promise<OpenedImage> {
  const result = await decodeHeic(bytes, maxPixels)
  if (result.kind === 'too-many-pixels') throw new AppError(422, 'IMAGE_TOO_MANY_PIXELS')
  if (result.kind === 'corrupt') throw corrupt(new Error(result.message))
  // libheif has already applied the HEIF rotation and mirroring boxes, so the pixels are upright.
  const image = sharp(Buffer.from(result.rgba.buffer, result.rgba.byteOffset, result.rgba.byteLength), {
    raw: { width: result.width, height: result.height, channels: 4 },
    limitInputPixels: maxPixels,
  })
  return { image, width: result.width, height: result.height, passThrough: false }
}

const corrupt = (cause: unknown) => Object.assign(new AppError(422, 'IMAGE_CORRUPT'), { cause })
