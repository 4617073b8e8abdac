import exifr from 'exifr'
import { exifTimeToIso } from '../../../../src/contract/exif-time'

export interface PhotoLocation {
  latitude: number
  longitude: number
}

/**
 * When the photo was taken according to its EXIF (ISO-8601 UTC) and where (GPS), each null when
 * the file does not say. A file compressed on the phone has neither: the phone sends what it read
 * from the original alongside (see evidence-provenance.ts).
 */
export async function readPhotoMetadata(bytes: Buffer): Promise<{ capturedAt: string | null; location: PhotoLocation | null }> {
  let tags: Record<string, unknown> | undefined
  try {
    tags = await exifr.parse(bytes, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'],
      reviveValues: false,
      gps: true,
    })
  } catch {
    return { capturedAt: null, location: null }
  }
  if (!tags) return { capturedAt: null, location: null }
  const capturedAt =
    exifTimeToIso(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
    // Scanners and some phones only write the digitized time.
    exifTimeToIso(tags.CreateDate, tags.OffsetTimeDigitized)
  return { capturedAt, location: gpsLocation(tags) }
}

function gpsLocation(tags: Record<string, unknown>): PhotoLocation | null {
  const latitude = degrees(tags.GPSLatitude, tags.GPSLatitudeRef, 'S')
  const longitude = degrees(tags.GPSLongitude, tags.GPSLongitudeRef, 'W')
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return { latitude, longitude }
}

/** [degrees, minutes, seconds] and a hemisphere letter as signed decimal degrees. */
function degrees(value: unknown, ref: unknown, negative: string): number | null {
  if (!Array.isArray(value) || value.length !== 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) return null
  const [d, m, s] = value as number[]
  const abs = d! + m! / 60 + s! / 3600
  return Math.round((ref === negative ? -abs : abs) * 1e7) / 1e7
}
