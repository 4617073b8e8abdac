/**
 * 首页 on a 390×844 phone: the urgent-warning banner arrives after the page has drawn (its request
 * held back 1.5 s here, as on a slow network), and nothing on the first screen moves when it does:
 * no layout shift at all (CLS 0) and 我要投诉 stays exactly where a thumb is already heading.
 *
 * Run: npx taro build --type h5 && node scripts/precompress.mjs dist/h5 && node --import tsx --test e2e/home-banner.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { screen } from './support/taro'
import { HOME } from './support/routes'


interface Shift {
  value: number
  sources: string[]
}

/** Records every layout shift from the first paint on (buffered), with the elements that moved. */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: Array<{ value: number; sources: string[] }> = []
    Object.assign(window, { __layoutShifts: shifts })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
        if (entry.hadRecentInput) continue
        shifts.push({
          value: entry.value,
          sources: (entry.sources ?? []).map((s) => {
            const el = s.node instanceof Element ? s.node : s.node?.parentElement
            return `${el?.className || el?.nodeName || '?'}: y ${Math.round(s.previousRect.y)} → ${Math.round(s.currentRect.y)}, h ${Math.round(s.previousRect.height)} → ${Math.round(s.currentRect.height)}`
          }),
        })
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

const layoutShifts = (page: Page) => page.evaluate(() => (window as unknown as { __layoutShifts: Shift[] }).__layoutShifts)
const cls = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0)

function fileButton(page: Page) {
  return screen(page, HOME).locator('.home__action').filter({ hasText: '我要投诉' })
}

async function top(page: Page) {
  return (await fileButton(page).boundingBox())?.y
}

/** Holds GET /api/warnings/urgent back; `release()` lets it through (optionally answering `body` instead). */
async function holdUrgentRequest(page: Page) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let requested = false
  await page.route('**/api/warnings/urgent', async (route) => {
    requested = true
    await released
    await route.continue()
  })
  return { release, requested: () => requested }
}

describe('首页 does not move under the thumb (H5, 390×844)', () => {
  const server = useServerAndBrowser()

  test('the urgent banner arrives 1.5 s late: CLS 0 and 我要投诉 stays where it was', async (t) => {
    await onPhone({ t, name: 'home-banner-late', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await recordLayoutShifts(page)
      const urgent = await holdUrgentRequest(page)
      await page.goto('/')
      await fileButton(page).waitFor()
      await page.waitForFunction(() => document.fonts.status === 'loaded')
      await page.waitForTimeout(1500)
      assert.ok(urgent.requested(), 'the banner asked for urgent warnings')
      const before = await top(page)
      await screenshot('home-00-before-banner')

      urgent.release()
      await screen(page, HOME).locator('.urgent-banner__item').waitFor()
      await page.waitForTimeout(500)
      await screenshot('home-01-with-banner')
      const after = await top(page)
      const shifts = await layoutShifts(page)
      assert.equal(after, before, `我要投诉 moved from y=${before} to y=${after}`)
      assert.equal(cls(shifts), 0, `layout shifts: ${JSON.stringify(shifts, null, 1)}`)
    })
  })

  test('with no delay, and with no urgent warning at all, nothing shifts either', async (t) => {
    await onPhone({ t, name: 'home-banner-none', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await recordLayoutShifts(page)
      await page.goto('/')
      await screen(page, HOME).locator('.urgent-banner__item').waitFor()
      await page.waitForTimeout(800)
      const shifts = await layoutShifts(page)
      assert.equal(cls(shifts), 0, `layout shifts: ${JSON.stringify(shifts, null, 1)}`)
      const withBanner = await top(page)

      // A quiet day: the answer is empty, and the place the banner would take stays as it was.
      await page.route('**/api/warnings/urgent', (route) => route.fulfill({ json: { items: [] } }))
      await page.reload()
      await fileButton(page).waitFor()
      await page.waitForTimeout(800)
      assert.equal(cls(await layoutShifts(page)), 0)
      assert.equal(await top(page), withBanner, '我要投诉 is at the same place with or without urgent warnings')
      await screenshot('home-02-no-urgent-warning')
    })
  })
})
