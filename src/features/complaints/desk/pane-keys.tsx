import type { ComplaintStatus } from '@/contract/complaint-status'
import { availableActions } from '@/contract/complaint-workflow'
import { ACTION_KEYS } from './shortcuts'

/** A line over the case: the keys that work on it now (a 受理 · d 不予受理 …), or how to send the open form. */
export function PaneKeys({ status, formOpen }: { status: ComplaintStatus; formOpen: boolean }) {
  const allowed = availableActions(status, 'staff')
  const keys = ACTION_KEYS.filter((entry) => allowed.includes(entry.action))
  return (
    <p className='pane-keys'>
      {formOpen ? (
        <>
          <kbd>Tab</kbd> 下一项 · <kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 提交 · <kbd>Esc</kbd> 取消
        </>
      ) : keys.length ? (
        keys.map((entry) => (
          <span key={entry.key} className='pane-keys__key'>
            <kbd>{entry.key}</kbd> {entry.label}
          </span>
        ))
      ) : (
        '这件投诉现在没有快捷操作'
      )}
    </p>
  )
}
