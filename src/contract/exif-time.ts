/** EXIF times carry no zone unless the camera wrote an offset tag; our users take their photos in China. */
const DEFAULT_OFFSET = '+08:00'
const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/
const OFFSET = /^[+-]\d{2}:\d{2}$/

/** An EXIF date-time ("2025:03:15 09:26:53") and optional offset tag as ISO-8601 UTC; null when unreadable. Shared by the phone and the server. */
export function exifTimeToIso(time: unknown, offset: unknown): string | null {
  const match = typeof time === 'string' ? EXIF_TIME.exec(time) : null
  if (!match) return null
  const [, year, month, day, hour, minute, second] = match
  const zone = typeof offset === 'string' && OFFSET.test(offset) ? offset : DEFAULT_OFFSET
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
