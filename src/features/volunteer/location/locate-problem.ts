import { PRIVACY_WAY_FORWARD } from '@/lib/privacy-errors'

export interface LocationFix {
  latitude: number
  longitude: number
  /** metres */
  accuracy: number
}

export type LocateProblem = 'denied' | 'unavailable' | 'timeout' | 'privacy'

export const LOCATE_PROBLEM_TEXT: Record<LocateProblem, string> = {
  denied: '没有定位权限，请手动填写地址',
  unavailable: '暂时无法定位，请手动填写地址',
  timeout: '定位超时，请手动填写地址',
  privacy: PRIVACY_WAY_FORWARD.location,
}

export class LocateError extends Error {
  constructor(readonly problem: LocateProblem) {
    super(LOCATE_PROBLEM_TEXT[problem])
    this.name = 'LocateError'
  }
}

export const LOCATE_TIMEOUT_MS = 15_000

/** "定位精度约 N 米" */
export function accuracyText(fix: LocationFix): string {
  return `定位精度约 ${Math.max(1, Math.round(fix.accuracy))} 米`
}
