/** Output size for a photo whose long edge must not exceed `maxLongEdge` (never enlarges). */
export function fitLongEdge(width: number, height: number, maxLongEdge: number): { width: number; height: number; scaled: boolean } {
  const longEdge = Math.max(width, height)
  if (!(longEdge > maxLongEdge) || width <= 0 || height <= 0) return { width, height, scaled: false }
  const scale = maxLongEdge / longEdge
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scaled: true }
}

export const COMPRESS_LONG_EDGE = 1600
export const COMPRESS_QUALITY = 0.75

/** EXIF orientations (as weapp getImageInfo names them) whose pixels are stored turned by 90°. */
const QUARTER_TURNS = new Set(['left', 'right', 'left-mirrored', 'right-mirrored'])

/** Width and height as the photo is meant to be seen, from the stored size and its orientation. */
export function uprightSize(width: number, height: number, orientation?: string): { width: number; height: number } {
  return orientation && QUARTER_TURNS.has(orientation) ? { width: height, height: width } : { width, height }
}
