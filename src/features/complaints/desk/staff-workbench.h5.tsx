// The case screen's own styles (the phone loads them with the staff complaint page).
import '../filing/filing.css'
import './workbench.css'
import type { RefObject } from 'react'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import type { StaffQueueQuery } from '@/contract/complaint-actions'
import { availableActions } from '@/contract/complaint-workflow'
import { getStaffMembers } from '../api/get-staff-members'
import { getStaffQueue } from '../api/get-staff-queue'
import type { PanelCommand } from '../handling/action-panel'
import { useWorkQueue } from '../handling/use-work-queue'
import { WorkDetail } from '../handling/work-detail'
import type { DeskSection } from './desk-section'
import { QueueFilters, type QueueChoice } from './queue-filters'
import { QueueTable } from './queue-table'
import { assigneeName, rowAfter, visibleRows, type QueueRow, type Sort } from './queue-rows'
import { ShortcutHelp } from './shortcut-help'
import { PaneKeys } from './pane-keys'
import { shortcutFor } from './shortcuts'
import { answerModal, useKeyboardModal, visibleModal } from './modal-keys'

const PAGE_SIZE = 50
const fetchPage = (query: StaffQueueQuery, cursor: string | undefined) => getStaffQueue({ ...query, limit: PAGE_SIZE }, cursor)

/** A form's fields in order: a choice (its chosen or first chip), a text box, an input. */
const FIELD_IN = 'textarea, input, [role="radio"][tabindex="0"], [role="checkbox"]'
const FIELD = FIELD_IN.split(', ').map((selector) => `.action-form ${selector}`).join(', ')

const isTyping = (target: EventTarget | null) =>
  target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"], taro-input-core, taro-textarea-core') !== null
// A choice (不予受理的理由) answers Enter itself too: it chooses, it does not open the case again.
const isControl = (target: EventTarget | null) =>
  target instanceof Element && target.closest('button, a, [role="button"], [role="radio"], [role="checkbox"], taro-button-core') !== null

/** Makes the workbench exactly as tall as the window below it, so the table and the case scroll, not the page. */
function useFillWindow(ref: RefObject<HTMLDivElement>) {
  useLayoutEffect(() => {
    const fit = () => {
      const root = ref.current
      if (root) root.style.height = `${Math.max(400, window.innerHeight - root.getBoundingClientRect().top - window.scrollY - 12)}px`
    }
    fit()
    // Taro's title bar may still be settling at the first layout.
    const later = setTimeout(fit, 300)
    window.addEventListener('resize', fit)
    return () => {
      clearTimeout(later)
      window.removeEventListener('resize', fit)
    }
  }, [ref])
}

/** Whether the case pane shows a step's form (opened by a key or a click), for the key hints over it. */
function useFormOpen(ref: RefObject<HTMLElement>) {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const pane = ref.current
    if (!pane) return
    const observer = new MutationObserver(() => setOpen(pane.querySelector('.action-form') !== null))
    observer.observe(pane, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [ref])
  return open
}

/** The association's queue at a desk: a sortable table on the left, the chosen case on the right, keyboard first. */
export function StaffWorkbench({ userId, sections }: { userId: string; sections: readonly DeskSection[] }) {
  const [choice, setChoice] = useState<QueueChoice>({ status: '', mine: false, overdueOnly: false, text: '' })
  const [sort, setSort] = useState<Sort | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [command, setCommand] = useState<PanelCommand | undefined>()
  const [changed, setChanged] = useState<Record<string, QueueRow>>({})
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  const [helpOpen, setHelpOpen] = useState(false)
  const [notice, setNotice] = useState('')
  const { items, problem, hasMore, loadingMore, reload, more } = useWorkQueue(fetchPage)
  const searchRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<HTMLDivElement>(null)
  const paneRef = useRef<HTMLElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  useFillWindow(rootRef)
  useKeyboardModal()
  const formOpen = useFormOpen(paneRef)

  const query = useMemo<StaffQueueQuery>(() => ({ ...(choice.status ? { status: choice.status } : {}), ...(choice.mine ? { assigned: 'me' as const } : {}) }), [choice.status, choice.mine])
  useEffect(() => {
    setChanged({})
    void reload(query, true)
  }, [query, reload])
  useEffect(() => {
    getStaffMembers().then((list) => setNames(new Map(list.items.map((m) => [m.id, m.displayName]))), () => undefined)
  }, [])

  const loaded = useMemo(() => (items ?? []).map((item) => changed[item.id] ?? item), [items, changed])
  const nameOf = useCallback((row: QueueRow) => assigneeName(row, userId, names), [userId, names])
  const rows = useMemo(() => visibleRows(loaded, choice, sort, nameOf), [loaded, choice, sort, nameOf])
  const selected = rows.find((row) => row.id === selectedId) ?? rows[0] ?? null
  const openRow = loaded.find((row) => row.id === openId) ?? null

  const focusRow = useCallback((id: string) => {
    const button = tableRef.current?.querySelector<HTMLButtonElement>(`tr[data-id="${CSS.escape(id)}"] button`)
    button?.focus()
    button?.scrollIntoView({ block: 'nearest' })
  }, [])

  function move(by: 1 | -1) {
    if (!rows.length) return
    const at = selected ? rows.indexOf(selected) : -1
    const next = rows[Math.min(rows.length - 1, Math.max(0, at + by))]
    if (!next) return
    setNotice('')
    setSelectedId(next.id)
    focusRow(next.id)
  }

  function open(id: string) {
    setSelectedId(id)
    setCommand(undefined)
    setOpenId(id)
  }

  /** Opens the step's form in the pane (the selected case is opened first) and puts the cursor in its first field. */
  function act(action: PanelCommand['action'], label: string) {
    const row = openRow ?? selected
    if (!row) return
    if (action !== 'cancel' && !availableActions(row.status, 'staff').includes(action)) {
      setNotice(`${row.number} 现在不能${label}`)
      return
    }
    if (row.id !== openId) open(row.id)
    setNotice('')
    setCommand((last) => ({ action, seq: (last?.seq ?? 0) + 1 }))
    if (action === 'cancel' || action === 'assign') return
    // The form appears once the pane has the case; wait for it rather than guess how long that takes.
    let tries = 0
    const focusField = () => {
      const field = paneRef.current?.querySelector<HTMLElement>(FIELD)
      if (field) field.focus()
      else if (++tries < 40) setTimeout(focusField, 50)
    }
    setTimeout(focusField, 0)
  }

  function submitForm() {
    paneRef.current?.querySelector<HTMLElement>('.action-form .btn-primary')?.click()
    // A form sent incomplete shows its errors: the cursor goes to the first field to correct.
    setTimeout(() => {
      const wrong = paneRef.current?.querySelector('.action-form .field-error')?.closest('.field')
      if (wrong && !visibleModal()) wrong.querySelector<HTMLElement>(FIELD_IN)?.focus()
    }, 0)
  }

  function escape() {
    if (helpOpen) return setHelpOpen(false)
    if (paneRef.current?.querySelector('.action-form, .assign-picker')) {
      act('cancel', '')
      if (selected) setTimeout(() => focusRow(selected.id), 0)
    }
  }

  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined)
  keyHandler.current = (event) => {
    // Another page opened over the workbench (Taro keeps this one, hidden): its keys are its own.
    if (!rootRef.current || rootRef.current.offsetParent === null) return
    // Taro's own confirm dialog (不予受理, 结案): its keys only (modal-keys.ts), no shortcut behind it.
    const modal = visibleModal()
    if (modal) {
      if (answerModal(modal, event)) event.preventDefault()
      return
    }
    const shortcut = shortcutFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      isComposing: event.isComposing,
      typing: isTyping(event.target),
      onControl: isControl(event.target),
    })
    if (!shortcut) return
    if (helpOpen && shortcut.kind !== 'escape' && shortcut.kind !== 'help') return
    // Arrow keys scroll the case pane when the focus is in it.
    if (shortcut.kind === 'move' && event.key.startsWith('Arrow') && event.target instanceof Node && paneRef.current?.contains(event.target)) return
    event.preventDefault()
    switch (shortcut.kind) {
      case 'move':
        return move(shortcut.by)
      case 'open':
        return selected ? open(selected.id) : undefined
      case 'search':
        return searchRef.current?.focus()
      case 'help':
        return setHelpOpen((shown) => !shown)
      case 'escape':
        return escape()
      case 'submit':
        return submitForm()
      case 'action':
        return act(shortcut.action, shortcut.label)
    }
  }
  useEffect(() => {
    const listen = (event: KeyboardEvent) => keyHandler.current(event)
    // NOTE: capture phase: Taro's H5 textarea and input stop the native keydown and re-emit their own,
    // so Ctrl+Enter and Escape typed in a form would never bubble up to the document.
    document.addEventListener('keydown', listen, true)
    return () => document.removeEventListener('keydown', listen, true)
  }, [])

  const onChanged = useCallback(
    (complaint: ComplaintDetail) => {
      const row = loaded.find((item) => item.id === complaint.id)
      if (row) setChanged((all) => ({ ...all, [row.id]: rowAfter(row, complaint) }))
      // Back to the queue, so the next case is one key away.
      setTimeout(() => focusRow(complaint.id), 0)
    },
    [loaded, focusRow],
  )

  const goTo = (url: string) => void Taro.navigateTo({ url })
  return (
    <div className='workbench' ref={rootRef}>
      <nav className='workbench__nav' aria-label='其他工作'>
        {sections.map((section) => (
          <button key={section.url} type='button' className='wb-button workbench__link' onClick={() => goTo(section.url)}>
            {section.title}
          </button>
        ))}
        <button type='button' className='wb-button workbench__link workbench__help-button' onClick={() => setHelpOpen(true)} aria-keyshortcuts='?'>
          快捷键 <kbd>?</kbd>
        </button>
      </nav>
      <div className='workbench__body'>
        <section className='workbench__queue' aria-label='投诉队列'>
          <QueueFilters
            choice={choice}
            onChange={setChoice}
            searchRef={searchRef}
            loadedCount={items?.length ?? 0}
            shownCount={rows.length}
            hasMore={hasMore}
            sorted={sort !== null}
            notice={notice}
          />
          <QueueTable
            tableRef={tableRef}
            rows={rows}
            loading={!items && !problem}
            problem={items ? '' : problem}
            onRetry={() => void reload(query, true)}
            sort={sort}
            onSort={setSort}
            selectedId={selected?.id ?? null}
            openId={openId}
            onOpen={open}
            onSelect={setSelectedId}
            assignee={nameOf}
            empty={loaded.length ? '没有符合条件的投诉' : choice.status || choice.mine ? '没有符合条件的投诉' : '暂无处理中的投诉'}
            hasMore={hasMore}
            loadingMore={loadingMore}
            onMore={() => void more(query)}
          />
        </section>
        <section className='workbench__pane' aria-label='投诉详情' ref={paneRef} tabIndex={0}>
          {openRow && <PaneKeys status={openRow.status} formOpen={formOpen} />}
          {openId ? (
            <WorkDetail key={openId} complaintId={openId} role='staff' userId={userId} command={command} onChanged={onChanged} />
          ) : (
            <div className='workbench__placeholder'>
              <p>在左边选一件投诉，按 <kbd>Enter</kbd> 或点击编号打开。</p>
              <p>
                <kbd>j</kbd> <kbd>k</kbd> 上下移动，<kbd>a</kbd> 受理，<kbd>m</kbd> 记录调解情况，<kbd>?</kbd> 查看全部快捷键。
              </p>
            </div>
          )}
        </section>
      </div>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </div>
  )
}
