export type ImageType = 'jpeg' | 'png' | 'webp' | 'heic'

export const IMAGE_MIME_TYPES: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
}

export const IMAGE_EXTENSIONS: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', heic: 'heic' }

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** ISO-BMFF brands of HEVC-coded still images; `mif1`/`msf1` alone may also be AVIF, so they need a HEVC companion brand. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis'])

/**
 * The image type the bytes actually are, from their magic numbers; null for anything else.
 * File names and declared content types come from the client and are never trusted.
 */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  if (ftypBrands(bytes).some((brand) => HEIC_BRANDS.has(brand))) return 'heic'
  return null
}

/** Major and compatible brands of the leading `ftyp` box: size(4) 'ftyp' major(4) minor(4) compatible(4×n). */
function ftypBrands(bytes: Buffer): string[] {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return []
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256)
  const brands = [bytes.toString('latin1', 8, 12)]
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(bytes.toString('latin1', offset, offset + 4))
  return brands
}
