/** Splits WQ20261204000123 into groups that are easy to read out across a counter: WQ 2026 1204 000123. */
export function spokenNumber(number: string): string {
  const match = /^(WQ)(\d{4})(\d{4})(\d+)$/.exec(number)
  return match ? match.slice(1).join(' ') : number
}
