import { useEffect } from 'react'

// Taro.showModal on H5 (不予受理, 结案 …) draws plain divs: no dialog role, buttons nobody can Tab to.
// At the desk it becomes a dialog the keyboard can work: the focus goes to 确定 with a visible ring,
// Tab moves between the two buttons, Enter or Space presses the focused one, Escape cancels, and on
// cancel the focus returns to where it was (the form's submit button or field).
// NOTE: class names as Taro draws them, "model" (sic) included: @tarojs/taro-h5 api/ui/interaction/modal.js

/** The confirm dialog on screen, if any (Taro keeps it in the page, hidden, between uses). */
export function visibleModal(): HTMLElement | null {
  return [...document.querySelectorAll<HTMLElement>('.taro-modal__content')].find((box) => box.getClientRects().length > 0) ?? null
}

const buttonsOf = (box: HTMLElement) => [...box.querySelectorAll<HTMLElement>('.taro-model__btn')].filter((button) => button.getClientRects().length > 0)

function makeDialog(box: HTMLElement) {
  box.setAttribute('role', 'alertdialog')
  box.setAttribute('aria-modal', 'true')
  const title = box.querySelector('.taro-modal__title')
  const text = box.querySelector('.taro-modal__text')
  if (title) title.id = 'taro-modal-title'
  if (text) text.id = 'taro-modal-text'
  box.setAttribute('aria-labelledby', 'taro-modal-title')
  box.setAttribute('aria-describedby', 'taro-modal-text')
  for (const button of box.querySelectorAll<HTMLElement>('.taro-model__btn')) {
    button.setAttribute('role', 'button')
    button.tabIndex = 0
  }
}

/** Moves the focus into the confirm dialog when it opens and back when it closes without a decision taken. */
export function useKeyboardModal() {
  useEffect(() => {
    let shown = false
    let before: HTMLElement | null = null
    const check = () => {
      const box = visibleModal()
      if (box && !shown) {
        shown = true
        before = document.activeElement instanceof HTMLElement ? document.activeElement : null
        makeDialog(box)
        box.querySelector<HTMLElement>('.taro-model__confirm')?.focus()
      } else if (!box && shown) {
        shown = false
        const active = document.activeElement
        // After 确定 the form is gone and the desk focuses the case's row; only a cancelled form gets it back.
        if (before?.isConnected && (!active || active === document.body || active.closest('.taro-modal__content'))) before.focus()
        before = null
      }
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] })
    return () => observer.disconnect()
  }, [])
}

/** A key pressed while the dialog is open: true when it was the dialog's (the caller prevents its default). */
export function answerModal(box: HTMLElement, event: KeyboardEvent): boolean {
  const buttons = buttonsOf(box)
  const focused = buttons.find((button) => button === document.activeElement)
  switch (event.key) {
    case 'Escape':
      box.querySelector<HTMLElement>('.taro-model__cancel')?.click()
      return true
    case 'Enter':
    case ' ': {
      const button = focused ?? box.querySelector<HTMLElement>('.taro-model__confirm')
      button?.click()
      return true
    }
    case 'Tab': {
      // The focus stays in the dialog, going round its buttons.
      const at = focused ? buttons.indexOf(focused) : -1
      buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus()
      return true
    }
    default:
      return false
  }
}
