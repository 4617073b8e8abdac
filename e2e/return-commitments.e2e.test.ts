/**
 * No-reason-return stores (线下无理由退货承诺, issue #19): the demo supermarket's liaison signs for a store
 * after reading the full terms; the store appears in the public finder (from 消费警示); 王阿姨 opens it and
 * taps 一键投诉; the filing flow carries the business, the store, the category, the ground (退货) and the
 * commitment with its terms; the submitted complaint shows them, and it is first in 陈主任's queue.
 * Phone 390×844 (the store page also at 200 % text), staff at a 1280×800 desk.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/return-commitments.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, input, screen, signInAs, toastGone } from './support/taro'
import { COMPLAINT_DETAIL, CONSUMER, ENTERPRISE_PAGE, FILING_STEPS, LIAISON, STAFF, STAFF_WORKSPACE, WARNINGS_LIST } from './support/routes'

const SIGN = '/packages/enterprise/pages/commitment/index'
const STORES = '/packages/credit/pages/stores/index'
const STORE_NAME = '示例优选超市三里屯店'
const DESCRIPTION = '昨天在三里屯店买的电饭煲没拆封，今天去退，店员说特价商品不退，可门店承诺里没有这一条。'

const chip = (scope: Locator, label: string) => scope.locator('.chip').filter({ hasText: new RegExp(`^\\s*✓?\\s*${label}\\s*$`) })

async function next(page: Page, from: string, to: string) {
  await button(screen(page, from), '下一步').tap()
  await page.waitForURL(`**${to}?**`)
  await screen(page, to).locator('.filing-title').waitFor()
}

describe('无理由退货承诺店：签署、查找、一键投诉、优先处理（H5）', () => {
  const server = useServerAndBrowser()

  test('a liaison signs; the store is in the public finder; 一键投诉 carries the commitment; the complaint leads the staff queue', async (t) => {
    const liaison = await server.signIn(LIAISON)
    await onPhone({ t, name: 'rc-sign', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, liaison)
      await page.goto(SIGN)
      const view = screen(page, SIGN)
      await view.getByText('签署线下无理由退货承诺').waitFor()
      // Nothing filled in: the first missing thing is said, nothing is signed.
      await button(view, '下一步：确认条款').tap()
      await view.getByText('门店名称请填写').waitFor()
      await input(view, '门店名称').fill(STORE_NAME)
      await input(view, '所在地区').fill('北京市/朝阳区')
      await input(view, '门店地址').fill('朝阳区三里屯路 19 号')
      await input(view, '纬度').fill('39.9334')
      await input(view, '经度').fill('116.4547')
      await view.locator('.rc-chip').filter({ hasText: '15 天' }).tap()
      await view.locator('.rc-chip').filter({ hasText: '鲜活易腐的商品' }).tap()
      await input(view, '其他不适用的商品').fill('烟酒')
      await screenshot('rc-01-sign-form', { fullPage: true })
      await button(view, '下一步：确认条款').tap()
      // The confirmation shows every term before anything is public.
      const confirm = view.locator('.rc-confirm')
      for (const text of ['请确认承诺的全部条款', STORE_NAME, '购物之日起 15 天内，无需说明理由', '鲜活易腐的商品；烟酒']) await confirm.getByText(text, { exact: false }).first().waitFor()
      // The H5 page scrolls in its own container: bring the top of the terms into view.
      await confirm.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('rc-02-confirm-terms')
      await button(view, '确认签署').tap()
      await view.locator('.rc-store').filter({ hasText: STORE_NAME }).getByText('线下无理由退货承诺店').waitFor()
    })

    let storeUrl = ''
    await onPhone({ t, name: 'rc-find', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      // Anyone, without signing in: from 消费警示 to the finder.
      await page.goto(WARNINGS_LIST)
      await screen(page, WARNINGS_LIST).locator('[aria-label="无理由退货承诺店"]').tap()
      const finder = screen(page, STORES)
      const card = finder.locator('.rc-store').filter({ hasText: STORE_NAME })
      await card.getByText('购物 15 天内无理由退货').waitFor()
      await screenshot('rc-03-finder')
      await button(card, '查看承诺').tap()
      await page.waitForURL(`**${STORES}?id=**`)
      storeUrl = new URL(page.url()).hash.replace(/^#/, '') || page.url().replace(server.baseUrl, '')
      const store = screen(page, STORES)
      await store.getByText('门店承诺的条款').waitFor()
      await button(store, '商家拒绝退货？一键投诉').waitFor()
      await screenshot('rc-04-store-page')

      // The enterprise's public page carries the badge with its committed stores.
      const found = (await (await page.request.get(`${server.baseUrl}/api/return-commitments`)).json()) as { items: Array<{ storeName: string; enterpriseId: string }> }
      const enterpriseId = found.items.find((s) => s.storeName === STORE_NAME)?.enterpriseId
      assert.ok(enterpriseId)
      await page.goto(`${ENTERPRISE_PAGE}?id=${enterpriseId}`)
      const badge = screen(page, ENTERPRISE_PAGE).locator('.rc-badge-card')
      await badge.locator('.rc-badge').filter({ hasText: '线下无理由退货承诺店' }).waitFor()
      await badge.getByText(`${STORE_NAME}：15 天无理由退货`).waitFor()
      await badge.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot('rc-04b-enterprise-badge')
    })

    await onPhone({ t, name: 'rc-store-200pct', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(storeUrl)
      const store = screen(page, STORES)
      await store.getByText('门店承诺的条款').waitFor()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 1, `the store page reflows at 200 % text (overflow ${overflow}px)`)
      await screenshot('rc-05-store-page-200pct', { fullPage: true })
    })

    const consumer = await server.signIn(CONSUMER)
    let number = ''
    await onPhone({ t, name: 'rc-one-tap', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, consumer)
      await page.goto(storeUrl)
      await button(screen(page, STORES), '商家拒绝退货？一键投诉').tap()
      await page.waitForURL(`**${FILING_STEPS.business}?**`)
      const one = screen(page, FILING_STEPS.business)
      // Prefilled: the business, the store and its commitment with the terms, the category.
      const card = one.locator('.commitment-card')
      await card.getByText(STORE_NAME, { exact: false }).waitFor()
      await card.getByText('承诺：购物之日起 15 天内无理由退货', { exact: false }).waitFor()
      assert.equal(await input(one, '商家名称').inputValue(), '示例优选超市有限公司')
      // The demo supermarket is in the green channel: it stays a choice, the association is chosen.
      await one.getByText('这家企业加入了绿色通道，请选择处理方式').waitFor()
      await one.locator('.path-option--selected[aria-checked="true"]').filter({ hasText: '消协' }).waitFor()
      await chip(one, '食品').and(one.locator('.chip--on, [aria-checked="true"], [aria-pressed="true"]')).waitFor()
      await toastGone(page)
      await screenshot('rc-06-one-tap-step1')
      await next(page, FILING_STEPS.business, FILING_STEPS.facts)

      const two = screen(page, FILING_STEPS.facts)
      await chip(two, '昨天').tap()
      await input(two, '涉及金额').fill('399')
      await two.locator('taro-textarea-core textarea').first().fill(DESCRIPTION)
      // The ground is already chosen: 退货.
      await chip(two, '退货').and(two.locator('.chip--on, [aria-checked="true"], [aria-pressed="true"]')).waitFor()
      await next(page, FILING_STEPS.facts, FILING_STEPS.photos)
      await next(page, FILING_STEPS.photos, FILING_STEPS.contact)
      const four = screen(page, FILING_STEPS.contact)
      await four.locator('.check-row').tap()
      await next(page, FILING_STEPS.contact, FILING_STEPS.review)

      const five = screen(page, FILING_STEPS.review)
      await five.locator('.commitment-card').getByText('一键投诉 · 已附上门店的无理由退货承诺').waitFor()
      await screenshot('rc-07-review', { fullPage: true })
      await button(five, '提交投诉').scrollIntoViewIfNeeded()
      await button(five, '提交投诉').tap()
      await page.waitForURL(`**${FILING_STEPS.result}?**`)
      number = (await screen(page, FILING_STEPS.result).locator('.result__number').innerText()).trim()
      const id = new URLSearchParams(page.url().split('?')[1] ?? '').get('id')
      assert.ok(id, 'the result page names the complaint')
      await page.goto(`${COMPLAINT_DETAIL}?id=${id}`)
      const detail = screen(page, COMPLAINT_DETAIL)
      const attached = detail.locator('.rc-attached')
      await attached.getByText('拒绝退货 · 附带门店的无理由退货承诺').waitFor()
      await attached.getByText('购物之日起 15 天内，无需说明理由').waitFor()
      await attached.scrollIntoViewIfNeeded()
      await screenshot('rc-08-complaint-detail')
    })
    assert.match(number, /^WQ\d{14}$/)

    const staff = await server.signIn(STAFF)
    await onPhone({ t, name: 'rc-staff', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(STAFF_WORKSPACE)
      const desk = screen(page, STAFF_WORKSPACE)
      const first = desk.locator('.queue-table tbody tr').first()
      await first.getByText(number).waitFor()
      await first.getByText('优先 · 拒绝退货').waitFor()
      await screenshot('rc-09-staff-queue-1280x800')
      await page.goto(`${STORES}?staff=1`)
      const stores = screen(page, STORES)
      const store = stores.locator('.rc-store').filter({ hasText: STORE_NAME })
      await store.getByText(number, { exact: false }).waitFor()
      await screenshot('rc-10-staff-stores-1280x800')
    })
  })
})
