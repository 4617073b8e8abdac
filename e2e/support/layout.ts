/**
 * Layout checks measured from the DOM (not eyeballed) for large text and page zoom: what a reader
 * who enlarges the text would lose. Run on the screen as shown (Taro keeps hidden pages in the DOM;
 * only rendered elements count).
 */
import type { Page } from 'playwright-core'

export interface LayoutOptions {
  /** Selectors of things a finger taps; each must be at least 48 CSS px both ways. */
  tapTargets: string
  /** Selectors of the main actions (至少 60 px tall, as MIIT's 适老化 spec asks). */
  mainActions: string
}

/** Each problem is one line: what is wrong, where, and the text involved. */
export async function layoutProblems(page: Page, options: LayoutOptions): Promise<string[]> {
  return inPage(page, measure, options)
}

/**
 * Runs `fn` in the page. NOTE: tsx (esbuild keepNames) wraps inner functions in `__name(…)`, which
 * the page does not have, so the source is sent with a stand-in.
 */
async function inPage<A, R>(page: Page, fn: (arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}) })()`) as Promise<R>
}

function measure({ tapTargets, mainActions }: LayoutOptions): string[] {
  {
    const problems: string[] = []
    const TOLERANCE = 1
    const viewportWidth = document.documentElement.clientWidth
    const rendered = (el: Element) => {
      const rect = el.getBoundingClientRect()
      return rect.width > 0 && rect.height > 0 && el.checkVisibility({ visibilityProperty: true })
    }
    const name = (el: Element) => {
      const classes = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : []
      return `<${el.tagName.toLowerCase()}${classes.length ? ' .' + classes.join('.') : ''}>`
    }
    const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)
    const scrolls = (style: CSSStyleDeclaration, axis: 'x' | 'y') => /auto|scroll/.test(axis === 'x' ? style.overflowX : style.overflowY)

    // 1. No horizontal scrolling: neither the document nor any page scroller.
    if (document.documentElement.scrollWidth > viewportWidth + TOLERANCE) {
      problems.push(`the document scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${viewportWidth} px viewport`)
    }
    const all = [...document.body.querySelectorAll('*')].filter(rendered)
    for (const el of all) {
      const style = getComputedStyle(el)
      if (scrolls(style, 'x') && el.scrollWidth > el.clientWidth + TOLERANCE) {
        problems.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth}) "${textOf(el)}"`)
      }
    }

    // 2. Every piece of text stays inside each box around it (not cut, not spilling out), and on screen.
    for (const el of all) {
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
        if (!rects.length) continue
        const text = {
          left: Math.min(...rects.map((r) => r.left)),
          right: Math.max(...rects.map((r) => r.right)),
          top: Math.min(...rects.map((r) => r.top)),
          bottom: Math.max(...rects.map((r) => r.bottom)),
        }
        const snippet = node.textContent.trim().slice(0, 24)
        if (text.left < -TOLERANCE || text.right > viewportWidth + TOLERANCE) {
          problems.push(`"${snippet}" runs off the screen (${Math.round(text.left)}–${Math.round(text.right)} of ${viewportWidth} px)`)
          continue
        }
        for (let box: Element | null = el; box && box !== document.body; box = box.parentElement) {
          const style = getComputedStyle(box)
          if (style.display === 'inline' || style.display === 'contents') continue
          const r = box.getBoundingClientRect()
          const sideways = text.left < r.left - TOLERANCE || text.right > r.right + TOLERANCE
          // A scroller's content legitimately goes on below it.
          const below = !scrolls(style, 'y') && (text.top < r.top - TOLERANCE || text.bottom > r.bottom + TOLERANCE)
          if (sideways || below) {
            problems.push(`"${snippet}" spills out of ${name(box)} (text ${Math.round(text.right - text.left)}×${Math.round(text.bottom - text.top)}, box ${Math.round(r.width)}×${Math.round(r.height)})`)
            break
          }
          // Text-overflow ellipsis and line clamps cut text without it leaving the box's rect.
          if (style.overflowX !== 'visible' && !scrolls(style, 'x') && box.scrollWidth > box.clientWidth + TOLERANCE) {
            problems.push(`"${snippet}" is cut by ${name(box)} (${box.scrollWidth} px of text in ${box.clientWidth} px)`)
            break
          }
          if (style.overflowY !== 'visible' && !scrolls(style, 'y') && box.scrollHeight > box.clientHeight + TOLERANCE) {
            problems.push(`"${snippet}" is cut by ${name(box)} (${box.scrollHeight} px of text in ${box.clientHeight} px tall)`)
            break
          }
          if (style.position === 'absolute' || style.position === 'fixed') break
        }
      }
    }

    // 3. Inputs tall enough for their text, and placeholders that fit.
    const canvas = document.createElement('canvas').getContext('2d')!
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (!rendered(input) || (input instanceof HTMLInputElement && ['checkbox', 'radio', 'file', 'hidden'].includes(input.type))) continue
      const style = getComputedStyle(input)
      const fontSize = parseFloat(style.fontSize)
      const label = input.getAttribute('aria-label') ?? input.placeholder ?? ''
      if (input.clientHeight < fontSize * 1.2 - TOLERANCE) {
        problems.push(`input "${label}" is ${input.clientHeight} px tall for ${fontSize} px text`)
      }
      if (input instanceof HTMLInputElement && input.placeholder && !input.value) {
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        const needed = canvas.measureText(input.placeholder).width
        if (needed > room + TOLERANCE) problems.push(`placeholder "${input.placeholder}" is cut (${Math.round(needed)} px in ${Math.round(room)} px)`)
      }
    }

    // 4. Boxes laid out side by side (flex and grid children: chips, rows, tab bar items) never overlap.
    for (const el of all) {
      const display = getComputedStyle(el).display
      if (!/flex|grid/.test(display)) continue
      const children = [...el.children].filter((c) => rendered(c) && !/absolute|fixed/.test(getComputedStyle(c).position))
      const rects = children.map((c) => c.getBoundingClientRect())
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i]!
          const b = rects[j]!
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left)
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
          if (overlapX > TOLERANCE && overlapY > TOLERANCE) {
            problems.push(`${name(children[i]!)} "${textOf(children[i]!)}" overlaps ${name(children[j]!)} "${textOf(children[j]!)}" in ${name(el)}`)
          }
        }
      }
    }

    // 5. Tap targets: 48 CSS px, 60 px tall for the main actions.
    const main = new Set(document.querySelectorAll(mainActions))
    for (const target of document.querySelectorAll(tapTargets)) {
      if (!rendered(target)) continue
      const r = target.getBoundingClientRect()
      const minimum = main.has(target) ? 60 : 48
      if (r.height < minimum - 0.5 || r.width < 48 - 0.5) {
        problems.push(`tap target ${name(target)} "${textOf(target)}" is ${Math.round(r.width)}×${Math.round(r.height)} px (needs ${minimum} px)`)
      }
    }
    return [...new Set(problems)]
  }
}

/** How many of the given tap targets are on screen, so a check cannot pass by finding none. */
export async function countTargets(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => [...document.querySelectorAll(s)].filter((el) => el.getBoundingClientRect().height > 0).length, selector)
}
