/**
 * Debian Chromium driven by playwright-core, emulating an iPhone 13 (390×664 CSS px, DPR 3, touch).
 * Any uncaught page error, console error or 5xx API answer fails the test, unless the test said it
 * expects that console error (e.g. the browser's own "Failed to load resource: … 400" line for a
 * deliberately wrong SMS code). So does any axe-core violation on any screen the story shows.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { TestContext } from 'node:test'
import { chromium, devices, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'
import { checkAccessibility, describeViolation, watchAccessibility } from './axe'
import { ROOT } from './server'

export const SCREENSHOT_DIR = path.join(ROOT, 'e2e', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

let shared: Browser | null = null

/** One Chromium per test file; each test gets its own context (fresh localStorage). */
export async function launchBrowser(): Promise<Browser> {
  shared ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  return shared
}

export async function closeBrowser(): Promise<void> {
  await shared?.close()
  shared = null
}

/**
 * App bugs already reported: tolerated so the stories can run on, but printed as a test
 * diagnostic every time they happen. Delete an entry once the bug is fixed.
 */

export interface Phone {
  page: Page
  context: BrowserContext
  /** Saves e2e/screenshots/<name>.png of what is on screen (the viewport, like a real phone). */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>
  /** Declares a console error this test provokes on purpose; matched against "<text> @ <url>". */
  allowConsoleError(pattern: RegExp): void
}

export interface PhoneOptions {
  t: TestContext
  /** Short name, used for e2e/screenshots/FAILED-<name>.png. */
  name: string
  baseUrl: string
  /**
   * Browser page zoom, as Chrome's 150 % / 200 %: the CSS viewport shrinks by it and every CSS
   * px covers more screen pixels. Default 1.
   */
  zoom?: number
  /** The browser's default font size in px (Chrome's 字体大小 setting; 16 by default), set through CDP. */
  defaultFontSize?: number
  /** A desk computer's browser window instead of the phone (staff screens): 1440×900, or the size given. */
  desk?: boolean | { width: number; height: number }
}

/** "<text> @ <url>", plus the start of any DOM element passed to console.error (Stencil passes the host). */
async function describeConsoleError(message: ConsoleMessage): Promise<string> {
  let line = `${message.text()} @ ${message.location().url}`
  for (const arg of message.args()) {
    const element = await arg
      .evaluate((value) => (value instanceof Element ? value.outerHTML.slice(0, 200) : null))
      .catch(() => null)
    if (element) line += `\n  element: ${element}`
  }
  return line
}

/**
 * Runs `story` on a fresh iPhone 13 page (its own cookies and localStorage). Afterwards fails if
 * the page logged errors; on failure saves e2e/screenshots/FAILED-<name>.png first.
 */
export async function onPhone(
  { name, baseUrl, zoom = 1, defaultFontSize, desk = false }: PhoneOptions,
  story: (phone: Phone) => Promise<void>,
): Promise<void> {
  const browser = await launchBrowser()
  const phone13 = devices['iPhone 13']
  // China time, like the phones this app is for (complaint numbers and dates are China dates).
  const window = desk === true ? { width: 1440, height: 900 } : desk || null
  const context = await browser.newContext({
    ...(window
      ? { viewport: window, screen: window, deviceScaleFactor: 1, isMobile: false, hasTouch: true }
      : {
          ...phone13,
          viewport: { width: Math.round(phone13.viewport.width / zoom), height: Math.round(phone13.viewport.height / zoom) },
          // iPhone 13's screen is 390×844 CSS px (the viewport leaves out Safari's bars).
          screen: { width: Math.round(390 / zoom), height: Math.round(844 / zoom) },
          deviceScaleFactor: phone13.deviceScaleFactor * zoom,
        }),
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  if (defaultFontSize) {
    const cdp = await context.newCDPSession(page)
    // Chrome's fixed (monospace) default is 13 px when the standard one is 16 px.
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: defaultFontSize, fixed: Math.round((defaultFontSize * 13) / 16) } })
  }
  const problems: string[] = []
  const allowed: RegExp[] = []
  const pending: Array<Promise<void>> = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    pending.push(
      describeConsoleError(message).then((line) => {
        if (!allowed.some((pattern) => pattern.test(line))) problems.push(`console error: ${line}`)
      }),
    )
  })
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`server error: ${response.status()} ${response.request().method()} ${response.url()}`)
  })
  page.on('crash', () => problems.push('the page crashed'))
  await watchAccessibility(context, (violation) => problems.push(describeViolation(violation)))

  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const phone: Phone = {
    page,
    context,
    async screenshot(shot, options = {}) {
      const file = path.join(SCREENSHOT_DIR, `${shot}.png`)
      // Let Taro's fade-ins settle so the picture shows what a person would see.
      await page.waitForTimeout(300)
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false })
      await checkAccessibility(page)
      return file
    },
    allowConsoleError: (pattern) => allowed.push(pattern),
  }

  try {
    await story(phone)
    await checkAccessibility(page)
    await Promise.all(pending)
  } catch (error) {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `FAILED-${name}.png`) }).catch(() => undefined)
    await Promise.all(pending)
    if (problems.length) {
      // The page's own errors usually explain the failed step.
      const message = `${(error as Error).message}\n\nPage problems seen:\n${problems.join('\n')}`
      throw Object.assign(new Error(message), { cause: error })
    }
    throw error
  } finally {
    await context.close()
  }
  if (problems.length) throw new Error(`the page reported problems:\n${problems.join('\n')}`)
}
