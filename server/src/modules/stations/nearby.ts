import type { Box } from './stations.repository'

const EARTH_RADIUS_M = 6_371_008.8
const rad = (degrees: number) => (degrees * Math.PI) / 180

/** Great-circle distance in metres (haversine); GCJ-02 offsets are the same on both ends, so they cancel. */
export function distanceMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = rad(lat2 - lat1)
  const dLng = rad(lng2 - lng1)
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** The smallest latitude/longitude box holding every point within `radius` metres of (lat, lng). */
export function boxAround(lat: number, lng: number, radius: number): Box {
  const dLat = (radius / EARTH_RADIUS_M) * (180 / Math.PI)
  const south = Math.max(-90, lat - dLat)
  const north = Math.min(90, lat + dLat)
  // Near a pole (or for a radius reaching round the earth) every longitude is within reach.
  const cos = Math.cos(rad(Math.max(Math.abs(south), Math.abs(north))))
  const dLng = cos <= 1e-9 ? 360 : dLat / cos
  if (dLng >= 180) return { south, north, west: -180, east: 180 }
  // A box crossing the antimeridian is widened to every longitude rather than split in two (no station is near it).
  const west = lng - dLng
  const east = lng + dLng
  return west < -180 || east > 180 ? { south, north, west: -180, east: 180 } : { south, north, west, east }
}

/** Search radii in metres, widened until enough stations are found; the last box is the whole earth. */
export const SEARCH_RADII = [2_000, 10_000, 50_000, 200_000, 1_000_000, 20_100_000] as const
/** Candidates read per box at most: a denser neighbourhood answers from the first CAP found in it. */
export const CANDIDATE_CAP = 200

