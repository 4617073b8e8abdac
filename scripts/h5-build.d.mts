// Types for h5-build.mjs (plain JavaScript so that `npm start` runs it without a compiler).
export type Profile = Array<[number, number]> | number[][]
export const PROGRESS_MARK: string
export const MEASURED_PROFILE: number[][]
export function parseProgress(line: string): { percent: number; step: string } | null
export function secondsLeft(profile: Profile, percent: number, reachedAfter: number, elapsed: number): number
export function statusLine(progress: { percent: number; step?: string; reachedAfter: number; elapsed: number }, profile: Profile): string
export function openingLine(timed: { profile: Profile; measuredHere: boolean }): string
export function readTiming(file: string): { profile: Profile; measuredHere: boolean }
export function buildH5(options: {
  taroBin: string
  timingFile: string
  write?: (text: string) => void
  isTTY?: boolean
  now?: () => number
}): Promise<{ ok: boolean; output: string; seconds: number }>
