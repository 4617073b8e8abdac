import { exifTimeToIso } from '@/contract/exif-time'

/** What a JPEG's EXIF says about when and where it was taken. */
export interface ExifFacts {
  capturedAt: string | null
  latitude: number | null
  longitude: number | null
}

const NONE: ExifFacts = { capturedAt: null, latitude: null, longitude: null }
const TAG = { exifIfd: 0x8769, gpsIfd: 0x8825, dateTimeOriginal: 0x9003, createDate: 0x9004, offsetOriginal: 0x9011, offsetDigitized: 0x9012 }
const GPS = { latRef: 1, lat: 2, lngRef: 3, lng: 4 }

/**
 * Reads the EXIF of a JPEG (APP1 "Exif") without a library: the capture time (DateTimeOriginal,
 * else CreateDate, with the offset tag when written; China time otherwise) and the GPS position.
 * Anything unreadable gives nulls, never an error: a photo without EXIF is still evidence.
 */
export function readJpegExif(bytes: Uint8Array): ExifFacts {
  try {
    const tiff = findExifTiff(bytes)
    return tiff ? readTiff(tiff) : NONE
  } catch {
    return NONE
  }
}

function findExifTiff(bytes: Uint8Array): DataView | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 2
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!
    if (marker === 0xda || marker === 0xd9) return null // image data starts: no EXIF before it
    const length = view.getUint16(offset + 2)
    const start = offset + 4
    if (marker === 0xe1 && length > 8 && String.fromCharCode(...bytes.subarray(start, start + 6)) === 'Exif\0\0') {
      return new DataView(bytes.buffer, bytes.byteOffset + start + 6, Math.min(length - 8, bytes.length - start - 6))
    }
    offset += 2 + length
  }
  return null
}

interface Entry {
  type: number
  count: number
  /** Offset (in the TIFF block) of the value, inline or pointed to. */
  at: number
}

function readTiff(tiff: DataView): ExifFacts {
  const little = tiff.getUint16(0) === 0x4949
  const u16 = (at: number) => tiff.getUint16(at, little)
  const u32 = (at: number) => tiff.getUint32(at, little)
  const ifd = (at: number): Map<number, Entry> => {
    const entries = new Map<number, Entry>()
    const count = u16(at)
    for (let i = 0; i < count; i++) {
      const e = at + 2 + i * 12
      const type = u16(e + 2)
      const n = u32(e + 4)
      const size = ({ 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 } as Record<number, number>)[type] ?? 1
      entries.set(u16(e), { type, count: n, at: size * n > 4 ? u32(e + 8) : e + 8 })
    }
    return entries
  }
  const ascii = (e: Entry | undefined) => {
    if (!e || e.type !== 2) return null
    let text = ''
    for (let i = 0; i < e.count; i++) {
      const c = tiff.getUint8(e.at + i)
      if (c === 0) break
      text += String.fromCharCode(c)
    }
    return text
  }
  const rationals = (e: Entry | undefined) => {
    if (!e || e.type !== 5 || e.count !== 3) return null
    const parts = [0, 1, 2].map((i) => u32(e.at + i * 8) / u32(e.at + i * 8 + 4))
    return parts.every(Number.isFinite) ? parts : null
  }

  const ifd0 = ifd(u32(4))
  const exifAt = ifd0.get(TAG.exifIfd)
  const exif = exifAt ? ifd(u32(exifAt.at)) : new Map<number, Entry>()
  const capturedAt =
    exifTimeToIso(ascii(exif.get(TAG.dateTimeOriginal)), ascii(exif.get(TAG.offsetOriginal))) ??
    exifTimeToIso(ascii(exif.get(TAG.createDate)), ascii(exif.get(TAG.offsetDigitized)))

  const gpsAt = ifd0.get(TAG.gpsIfd)
  let latitude: number | null = null
  let longitude: number | null = null
  if (gpsAt) {
    const gps = ifd(u32(gpsAt.at))
    const lat = rationals(gps.get(GPS.lat))
    const lng = rationals(gps.get(GPS.lng))
    if (lat && lng) {
      const deg = ([d, m, s]: number[]) => d! + m! / 60 + s! / 3600
      latitude = round((ascii(gps.get(GPS.latRef)) === 'S' ? -1 : 1) * deg(lat))
      longitude = round((ascii(gps.get(GPS.lngRef)) === 'W' ? -1 : 1) * deg(lng))
      if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) latitude = longitude = null
    }
  }
  return { capturedAt, latitude, longitude }
}

const round = (n: number) => Math.round(n * 1e7) / 1e7
