import exifr from 'exifr'

/** EXIF times carry no zone unless the camera wrote an offset tag; our users take their photos in China. */
const DEFAULT_OFFSET = '+08:00'
const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/
const OFFSET = /^[+-]\d{2}:\d{2}$/

/** When the photo was taken according to its EXIF (ISO-8601 UTC), or null when it does not say. */
export async function readCaptureTime(bytes: Buffer): Promise<string | null> {
  let tags: Record<string, unknown> | undefined
  try {
    tags = await exifr.parse(bytes, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized'],
      reviveValues: false,
    })
  } catch {
    return null
  }
  if (!tags) return null
  return (
    toIso(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
    // Scanners and some phones only write the digitized time.
    toIso(tags.CreateDate, tags.OffsetTimeDigitized)
  )
}

function toIso(time: unknown, offset: unknown): string | null {
  const match = typeof time === 'string' ? EXIF_TIME.exec(time) : null
  if (!match) return null
  const [, year, month, day, hour, minute, second] = match
  const zone = typeof offset === 'string' && OFFSET.test(offset) ? offset : DEFAULT_OFFSET
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
