export interface Position {
  latitude: number
  longitude: number
}

export const LOCATE_TIMEOUT_MS = 10_000
