/**
 * Issue #15's story across the association network: a consumer in 西湖区 (county A) files; 西湖区's
 * staff find the business is in 上城区 and 移送 the case there; 上城区 (county B) accepts it; the city
 * sees both moves on the case and 上城区 beside 西湖区 in its figures. Phone screens for the counties,
 * desk screens for the city.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/network.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { CITY_STAFF, fileInXihu, SHANGCHENG_STAFF, XIHU_STAFF, type XihuCase } from './support/network'
import { useServerAndBrowser } from './support/suite'
import { button, modalConfirm, screen, signInAs, toastGone } from './support/taro'
import { CONSUMER, STAFF_COMPLAINT } from './support/routes'

const STATISTICS = '/packages/staff/pages/statistics/index'
const REASON = '商家实际经营地在上城区河坊街，不属于本会管辖'
const ABOUT: XihuCase = {
  business: { name: '河坊街示例茶馆', address: '河坊街 88 号' },
  industry: 'prepaid',
  amountFen: 268_000,
  description: '办了两千多元的茶艺课预付卡，上了两次课后茶馆关门，电话无人接听，要求退还余额。',
}

describe('消协组织网络：县区之间移送（H5）', () => {
  const server = useServerAndBrowser()

  test('county A transfers a case outside its jurisdiction to county B, B accepts, the city sees both steps', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const [xihu, shangcheng, city] = [await server.signIn(XIHU_STAFF), await server.signIn(SHANGCHENG_STAFF), await server.signIn(CITY_STAFF)]
    const filed = await fileInXihu(server, consumer, ABOUT)
    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: shangcheng.accessToken })).status, 404)

    await onPhone({ t, name: 'network-transfer-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, xihu)
      await page.goto(`${STAFF_COMPLAINT}?id=${filed.id}`)
      const detail = screen(page, STAFF_COMPLAINT)
      await detail.getByText('承办组织 杭州市西湖区消费者协会').waitFor()
      await button(detail, /^移送$/).click()
      await detail.getByText('不属于本会管辖时，移送给有管辖权的消协').waitFor()
      // A province lists many associations: typing part of the name narrows them to one.
      await detail.locator('input[aria-label="查找接收的消协"], taro-input-core[aria-label="查找接收的消协"] input').first().fill('上城')
      await detail.getByRole('radio', { name: /上城区消费者协会/ }).click()
      await detail.getByText('已选').waitFor()
      await detail.locator('textarea').fill(REASON)
      await screenshot('net-01-transfer-form-phone', { fullPage: true })
      await button(detail, '确定移送').click()
      await modalConfirm(page, '确定').click()
      await detail.getByText(/这件投诉现在由“\S*上城区消费者协会”处理，本组织不再显示它。/).waitFor()
      await screenshot('net-02-transferred-phone')
    })
    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: xihu.accessToken })).status, 404)

    await onPhone({ t, name: 'network-accept-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, shangcheng)
      await page.goto(`${STAFF_COMPLAINT}?id=${filed.id}`)
      const detail = screen(page, STAFF_COMPLAINT)
      await detail.getByText(/承办组织 \S*上城区消费者协会/).waitFor()
      await detail.getByText(`原因：${REASON}`).first().waitFor()
      await button(detail, /^受理$/).tap()
      await button(detail, '确认受理').tap()
      await button(detail, '开始调解').waitFor()
      await toastGone(page)
      await screenshot('net-03-accepted-by-county-b-phone')
    })

    const seen = (await server.api('GET', `/complaints/${filed.id}`, { token: consumer.accessToken })).body as { status: string; events: Array<{ type: string; note: string }> }
    assert.equal(seen.status, 'accepted')
    assert.match(seen.events.find((e) => e.type === 'transfer')?.note ?? '', new RegExp(`您的投诉已移送至\\S*上城区消费者协会，原因：${REASON}`))

    await onPhone({ t, name: 'network-city-desk', baseUrl: server.baseUrl, desk: true }, async ({ page, screenshot }) => {
      await signInAs(page, city)
      await page.goto(`${STAFF_COMPLAINT}?id=${filed.id}`)
      const detail = screen(page, STAFF_COMPLAINT)
      await detail.getByText(/承办组织 \S*上城区消费者协会/).waitFor()
      await detail.getByText(new RegExp(`已移送至\\S*上城区消费者协会，原因：${REASON}`)).first().waitFor()
      await detail.getByText('消协已受理').first().waitFor()
      await screenshot('net-04-city-sees-both-steps-desk', { fullPage: true })
    })

    await onPhone({ t, name: 'network-city-figures-desk', baseUrl: server.baseUrl, desk: true }, async ({ page, screenshot }) => {
      await signInAs(page, city)
      await page.goto(STATISTICS)
      const view = screen(page, STATISTICS)
      // The city's figures put its counties side by side; the case just moved counts under 上城区.
      await view.getByText('下级机构对比').first().waitFor()
      await view.getByText(/统计范围：\S*杭州市消费者协会/).first().waitFor()
      await view.getByText('杭州市上城区消费者协会（含下级）').first().waitFor()
      await view.getByText('杭州市西湖区消费者协会（含下级）').first().waitFor()
      await screenshot('net-05-city-figures-desk', { fullPage: true })
    })
    const figures = (await server.api('GET', '/staff/statistics/figures', { token: city.accessToken })).body as { children: Array<{ name: string; received: number; accepted: number }> }
    const shangchengFigures = figures.children.find((c) => c.name === '杭州市上城区消费者协会')
    assert.ok(shangchengFigures && shangchengFigures.received >= 1 && shangchengFigures.accepted >= 1, JSON.stringify(figures.children))
  })
})
