/**
 * axe-core on every screen a story shows: the page checks itself each time its route changes
 * (once the DOM has been quiet for a moment), at every phone.screenshot() and when the story ends,
 * and reports to Node through an exposed binding, so a later reload or navigation cannot lose it.
 * Any violation fails the story (see onPhone).
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** What onPhone prints for one failed rule on one screen. */
export interface AxeViolation {
  route: string
  rule: string
  impact: string | null
  help: string
  targets: string[]
}

declare global {
  interface Window {
    __weiquanAxeCheck?: () => Promise<void>
  }
}

/**
 * Rules left out, each for a reason that is not an app defect:
 * - `region` (moderate, best practice, not a WCAG criterion): Taro H5 draws its own title bar and
 *   tab bar as plain divs; landmarks are not something a mini-program-shaped app can express.
 */
const DISABLED_RULES = ['region']

/**
 * The in-page half, as plain JavaScript (tsx would add helpers to a stringified function): runs axe
 * on the document and reports the violations, one check at a time.
 * Quiet = no DOM change and no finite CSS animation running for 400 ms (toasts and fades settle).
 */
const IN_PAGE = `(disabledRules) => {
  let running = null
  let again = false
  const animating = () => document.getAnimations().some((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().iterations !== Infinity)
  const quiet = () => new Promise((resolve) => {
    let timer = setTimeout(done, 400)
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 400) })
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true })
    function done() {
      if (animating()) { timer = setTimeout(done, 200); return }
      observer.disconnect()
      resolve()
    }
  })
  async function checkOnce() {
    await quiet()
    const rules = Object.fromEntries(disabledRules.map((id) => [id, { enabled: false }]))
    const result = await window.axe.run(document, { rules, resultTypes: ['violations'] })
    await window.__weiquanAxeReport(result.violations.map((v) => ({
      route: location.pathname,
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    })))
  }
  window.__weiquanAxeCheck = () => {
    if (running) { again = true; return running }
    running = (async () => { do { again = false; await checkOnce() } while (again) })().finally(() => { running = null })
    return running
  }
  const onRoute = () => { if (document.readyState !== 'loading') void window.__weiquanAxeCheck() }
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method].bind(history)
    history[method] = (...args) => { original(...args); onRoute() }
  }
  addEventListener('popstate', onRoute)
  addEventListener('load', () => void window.__weiquanAxeCheck())
}`

/** Adds axe to every page of the context; `record` receives each violation (deduplicated). */
export async function watchAccessibility(context: BrowserContext, record: (violation: AxeViolation) => void): Promise<void> {
  const seen = new Set<string>()
  await context.exposeBinding('__weiquanAxeReport', (_source, violations: AxeViolation[]) => {
    for (const violation of violations) {
      const key = `${violation.route} ${violation.rule} ${violation.targets.join(',')}`
      if (seen.has(key)) continue
      seen.add(key)
      record(violation)
    }
  })
  await context.addInitScript({ content: `${AXE_SOURCE}\n;(${IN_PAGE})(${JSON.stringify(DISABLED_RULES)})` })
}

/** Checks the screen as it is now (waits for the page's check to finish). */
export async function checkAccessibility(page: Page): Promise<void> {
  if (page.isClosed()) return
  await page.evaluate(() => window.__weiquanAxeCheck?.()).catch(() => undefined)
}

export function describeViolation(v: AxeViolation): string {
  return `axe ${v.impact ?? ''} ${v.rule} on ${v.route}: ${v.help}\n    ${v.targets.join('\n    ')}`
}
