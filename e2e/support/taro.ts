/** Finding things in the Taro H5 DOM (custom elements, stacked pages, Taro's own toast and modal). */
import type { Locator, Page } from 'playwright-core'

/**
 * Taro H5 keeps every opened page in the DOM (tab pages stay mounted, a navigated-to page is
 * stacked on top), so text is looked up inside the page with the given route only.
 */
export function screen(page: Page, route: string): Locator {
  return page.locator(`.taro_page[id^="${route}"]`).last()
}

export function button(scope: Locator, label: string | RegExp): Locator {
  return scope.locator('taro-button-core').filter({ hasText: label })
}

export function input(scope: Locator, label: string): Locator {
  return scope.locator(`taro-input-core[aria-label="${label}"] input, input[aria-label="${label}"]`).first()
}

export async function tapTab(page: Page, label: string) {
  await page.locator('.weui-tabbar__item').filter({ hasText: label }).tap()
}

/** Waits until Taro's toast (e.g. 登录成功, shown 1.5 s) has gone, so it does not cover a screenshot. */
export async function toastGone(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((el) => el.style.display === 'none'),
  )
}

export interface StoredSession {
  accessToken: string | null
  refreshToken: string | null
  user: { displayName: string; phone: string | null; role: string } | null
}

/** zustand persist → Taro.setStorageSync → localStorage['weiquan-session'] = {"data": "<zustand json>"}. */
export async function storedSession(page: Page): Promise<StoredSession | null> {
  const raw = await page.evaluate(() => localStorage.getItem('weiquan-session'))
  if (!raw) return null
  let value: unknown = JSON.parse(raw)
  if (value && typeof value === 'object' && 'data' in value) value = (value as { data: unknown }).data
  if (typeof value === 'string') value = value ? JSON.parse(value) : null
  return (value as { state?: StoredSession } | null)?.state ?? null
}

/**
 * Puts a session signed in through the API (server.signIn) into the page's storage, as the app's
 * zustand persist would, so a story can open a screen as that person without the login UI.
 */
export async function signInAs(page: Page, session: { accessToken: string }): Promise<void> {
  await page.goto('/')
  await page.evaluate((state) => {
    localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, session)
}

/**
 * Taro.showModal on H5 draws its own DOM: .taro-modal__content with .taro-model__cancel and
 * .taro-model__confirm (sic, "model"). The wrapper .taro__modal has no size, so it never counts as visible.
 */
export function modal(page: Page): Locator {
  return page.locator('.taro-modal__content').filter({ visible: true })
}

export function modalConfirm(page: Page, label: string): Locator {
  return modal(page).locator('.taro-model__confirm').filter({ hasText: label })
}
