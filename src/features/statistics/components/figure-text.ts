import { fenToYuan } from '@/contract/complaint-rules'
import type { Figure } from '@/contract/statistics-figures'

export const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`

/** A rate with the counts it comes from, e.g. "75%（3/4 件）"; "—" when there is nothing to divide. */
export function rateWithCounts(rate: number | null, part: number, whole: number): string {
  return rate === null ? '—（0 件）' : `${percent(rate)}（${part}/${whole} 件）`
}

/** The three rates of a figure as people read them, in one line each. */
export function rateLines(f: Figure): Array<{ label: string; text: string }> {
  return [
    { label: '办结率', text: rateWithCounts(f.closeRate, f.closed, f.received - f.referred) },
    { label: '按期办结率', text: rateWithCounts(f.onTimeRate, f.closedOnTime, f.closed) },
    { label: '调解成功率', text: rateWithCounts(f.mediationSuccessRate, f.mediationSucceeded, f.mediationEnded) },
    { label: '挽回经济损失', text: `${fenToYuan(f.recoveredFen)} 元` },
  ]
}
