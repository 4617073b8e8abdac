/**
 * Taro's H5 router draws each page as a <div class="taro_page"> that scrolls by itself (the document
 * does not), and the title bar as plain divs. Without help a keyboard cannot scroll a page (axe
 * scrollable-region-focusable) and a screen reader finds no main region and no page heading.
 * Taro's Input, Textarea and Switch keep `aria-label` on their custom-element host; the real
 * <input>/<textarea> inside, which is what gets focus, is named here from it.
 * NOTE: Taro creates these elements itself (@tarojs/plugin-framework-react runtime renders
 * `<div id className="taro_page">`, @tarojs/router adds the title bar), so they are labelled as they appear.
 */
let started = false
const NAMED_FIELDS =
  'taro-input-core[aria-label] input:not([aria-label]), taro-textarea-core[aria-label] textarea:not([aria-label]), ' +
  'taro-switch-core[aria-label] input:not([aria-label])'

function label(root: ParentNode) {
  for (const page of root.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])')) {
    page.tabIndex = 0
    page.setAttribute('role', 'main')
  }
  // A heading only while it has a title: a page that could not load (offline) leaves the bar empty.
  for (const title of root.querySelectorAll<HTMLElement>('.taro-navigation-bar-title')) {
    const named = Boolean(title.textContent?.trim())
    if (named && !title.hasAttribute('role')) {
      title.setAttribute('role', 'heading')
      title.setAttribute('aria-level', '1')
    } else if (!named && title.hasAttribute('role')) {
      title.removeAttribute('role')
      title.removeAttribute('aria-level')
    }
  }
  for (const field of root.querySelectorAll<HTMLElement>(NAMED_FIELDS)) {
    const name = field.closest('[aria-label]')?.getAttribute('aria-label')
    if (name) field.setAttribute('aria-label', name)
  }
}


export function labelTaroPages(): void {
  if (started || typeof MutationObserver === 'undefined') return
  started = true
  label(document)
  new MutationObserver(() => label(document)).observe(document.body, { childList: true, subtree: true })
}
