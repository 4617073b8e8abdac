import { FINDING_STATE_LABELS, type FindingState } from '@/contract/bad-faith-finding-rules'

/** The China date of an instant, e.g. 2026-12-19. */
export function chinaDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

export function stateLabel(state: FindingState): string {
  return FINDING_STATE_LABELS[state]
}

/** The badge colour class of a state: red while it is public, grey once over. */
export function stateClass(state: FindingState): string {
  if (state === 'published') return 'credit-state credit-state--public'
  if (state === 'appeal_open' || state === 'awaiting_decision') return 'credit-state credit-state--open'
  return 'credit-state'
}
