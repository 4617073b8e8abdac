/**
 * The association network on the staff case page: the holding organization is shown on the case
 * and in the queue; a county's staff take the case up (提级) to their city with a reason; the city
 * now holds it, the county no longer sees it, and the consumer's timeline says where and why.
 * Screens at 390×844 (phone) and 1440×900 (desk).
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/organizations.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { CITY_STAFF, fileInXihu, SHANGCHENG_STAFF, XIHU_STAFF } from './support/network'
import { useServerAndBrowser } from './support/suite'
import { button, modalConfirm, screen, signInAs } from './support/taro'
import { CONSUMER, STAFF_COMPLAINT, STAFF_WORKSPACE } from './support/routes'

describe('消协组织网络：承办组织、提级（H5）', () => {
  const server = useServerAndBrowser()

  test('a county takes a case up to its city; the sibling county never sees it; the consumer is told where and why', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const [xihu, city, sibling] = [await server.signIn(XIHU_STAFF), await server.signIn(CITY_STAFF), await server.signIn(SHANGCHENG_STAFF)]
    const filed = await fileInXihu(server, consumer)
    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: sibling.accessToken })).status, 404)
    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: city.accessToken })).status, 200)

    await onPhone({ t, name: 'organizations-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, xihu)
      await page.goto(STAFF_WORKSPACE)
      const queue = screen(page, STAFF_WORKSPACE)
      const item = queue.locator(`[data-complaint="${filed.number}"]`)
      await item.getByText('承办：杭州市西湖区消费者协会').waitFor()
      await item.scrollIntoViewIfNeeded()
      await screenshot('org-01-queue-phone')
      await item.click()
      await page.waitForURL(`**${STAFF_COMPLAINT}**`)
      const detail = screen(page, STAFF_COMPLAINT)
      await detail.getByText('承办组织 杭州市西湖区消费者协会').waitFor()
      await button(detail, '提级').click()
      await detail.getByText('提交直属上级消协处理').waitFor()
      await detail.locator('textarea').fill('涉及杭州市多家门店，需市级协调')
      await screenshot('org-02-take-up-form-phone', { fullPage: true })
      await button(detail, '确定提级').click()
      await modalConfirm(page, '确定').click()
      // The case left 西湖区: its staff are told where it went instead of reading it again (404).
      await detail.getByText('这件投诉现在由“示例省杭州市消费者协会”处理，本组织不再显示它。').waitFor()
      await screenshot('org-03-taken-up-phone')
    })

    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: xihu.accessToken })).status, 404)
    const seen = await server.api('GET', `/complaints/${filed.id}`, { token: consumer.accessToken })
    const body = seen.body as { organization: { name: string }; events: Array<{ type: string; note: string }> }
    assert.equal(body.organization.name, '示例省杭州市消费者协会')
    assert.equal(body.events.find((e) => e.type === 'take_up')?.note, '您的投诉已提级至示例省杭州市消费者协会，原因：涉及杭州市多家门店，需市级协调')

    await onPhone({ t, name: 'organizations-desk', baseUrl: server.baseUrl, desk: true }, async ({ page, screenshot }) => {
      await signInAs(page, city)
      await page.goto(`${STAFF_COMPLAINT}?id=${filed.id}`)
      const detail = screen(page, STAFF_COMPLAINT)
      await detail.getByText('承办组织 示例省杭州市消费者协会').waitFor()
      await detail.getByText('您的投诉已提级至示例省杭州市消费者协会，原因：涉及杭州市多家门店，需市级协调').waitFor()
      await screenshot('org-04-case-desk')
      await button(detail, '移送').click()
      await detail.getByText('不属于本会管辖时，移送给有管辖权的消协').waitFor()
      await screenshot('org-05-transfer-form-desk', { fullPage: true })
    })

    await onPhone({ t, name: 'organizations-queue-desk', baseUrl: server.baseUrl, desk: true }, async ({ page, screenshot }) => {
      await signInAs(page, city)
      await page.goto(STAFF_WORKSPACE)
      // At a desk the queue is the workbench's table: the holding organization has its own column.
      const item = screen(page, STAFF_WORKSPACE).locator('tr', { hasText: filed.number })
      await item.getByText('示例省杭州市消费者协会', { exact: true }).waitFor()
      await item.scrollIntoViewIfNeeded()
      await screenshot('org-06-queue-desk')
    })
  })
})
