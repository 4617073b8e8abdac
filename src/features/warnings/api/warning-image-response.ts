import type { WarningImage } from './warning-types'

export const WARNING_IMAGE_PATH = '/api/staff/warning-images'
export const WARNING_IMAGE_TIMEOUT_MS = 120_000

export function isWarningImage(body: unknown): body is WarningImage {
  const image = body as Partial<WarningImage> | null
  return !!image && typeof image.id === 'string' && typeof image.url === 'string'
}
