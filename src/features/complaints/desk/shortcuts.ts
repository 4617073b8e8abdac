import type { RequestAction } from '@/contract/complaint-actions'

/** The workflow steps a single key opens in the case pane (staff only). */
export const ACTION_KEYS: ReadonlyArray<{ key: string; action: RequestAction; label: string }> = [
  { key: 'a', action: 'accept', label: '受理' },
  { key: 'd', action: 'reject', label: '不予受理' },
  { key: 's', action: 'start_mediation', label: '开始调解' },
  { key: 'm', action: 'note', label: '记录调解情况' },
  { key: 'c', action: 'close', label: '结案' },
  { key: 'g', action: 'assign', label: '分配给我' },
]

export type Shortcut =
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'open' }
  | { kind: 'search' }
  | { kind: 'help' }
  | { kind: 'escape' }
  | { kind: 'submit' }
  | { kind: 'action'; action: RequestAction; label: string }

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  isComposing: boolean
  /** Focus is in a text field or a select: letters are typing, not commands. */
  typing: boolean
  /** Focus is on a button or link, which answers Enter itself. */
  onControl: boolean
}

/** What a key press means at the workbench, or null when it is not a shortcut there. */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.isComposing) return null
  if (press.key === 'Escape') return { kind: 'escape' }
  if (press.key === 'Enter' && (press.ctrlKey || press.metaKey)) return { kind: 'submit' }
  if (press.typing || press.ctrlKey || press.metaKey || press.altKey) return null
  switch (press.key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', by: 1 }
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', by: -1 }
    case 'Enter':
      return press.onControl ? null : { kind: 'open' }
    case '/':
      return { kind: 'search' }
    case '?':
      return { kind: 'help' }
  }
  const action = ACTION_KEYS.find((entry) => entry.key === press.key)
  return action ? { kind: 'action', action: action.action, label: action.label } : null
}
