import { useEffect, useRef } from 'react'
import { ACTION_KEYS } from './shortcuts'

const MOVES: ReadonlyArray<{ keys: string[]; label: string }> = [
  { keys: ['j', '↓'], label: '下一件' },
  { keys: ['k', '↑'], label: '上一件' },
  { keys: ['Enter'], label: '在右边打开选中的投诉' },
  { keys: ['/'], label: '查找编号或商家' },
  { keys: ['Tab'], label: '表单里到下一项（理由、说明、按钮）' },
  { keys: ['↑', '↓'], label: '表单里选择理由或建议' },
  { keys: ['Ctrl', 'Enter'], label: '提交正在填写的表单（确认框里 Enter 确定、Tab 换按钮）' },
  { keys: ['Esc'], label: '取消表单、关闭对话框' },
  { keys: ['?'], label: '打开或关闭本说明' },
]

/** H5 desk only: the list of keyboard shortcuts, as a modal dialog (Escape or 关闭 closes it). */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    closeRef.current?.focus()
    return () => before?.focus()
  }, [])
  return (
    <div className='shortcut-help__backdrop' onClick={onClose}>
      <div className='shortcut-help' role='dialog' aria-modal='true' aria-labelledby='shortcut-help-title' onClick={(e) => e.stopPropagation()}
        // The only control is 关闭: Tab stays on it.
        onKeyDown={(e) => {
          if (e.key !== 'Tab') return
          e.preventDefault()
          closeRef.current?.focus()
        }}
      >
        <h2 id='shortcut-help-title'>键盘快捷键</h2>
        <p className='shortcut-help__note'>在输入框里打字时，字母键不会触发快捷键。</p>
        <dl>
          {MOVES.map((entry) => (
            <div key={entry.label} className='shortcut-help__row'>
              <dt>
                {entry.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{entry.label}</dd>
            </div>
          ))}
          {ACTION_KEYS.map((entry) => (
            <div key={entry.key} className='shortcut-help__row'>
              <dt>
                <kbd>{entry.key}</kbd>
              </dt>
              <dd>{entry.label}</dd>
            </div>
          ))}
        </dl>
        <button type='button' ref={closeRef} className='wb-button shortcut-help__close' onClick={onClose}>
          关闭
        </button>
      </div>
    </div>
  )
}
