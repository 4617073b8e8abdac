/**
 * Service stations (服务站): a consumer whose phone gives its position finds the nearest station from
 * the home page, with its distance, hours, phone and what it can do; one who refuses the position
 * picks province → city and gets that city's stations. A county manager adds a station at a desk
 * and takes another off the lists (after confirming). Phone screens at 390×844 and at 200 % text.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/stations.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, signInAs, toastGone } from './support/taro'
import { HOME } from './support/routes'

const FINDER = '/packages/stations/pages/finder/index'
const MANAGE = '/packages/stations/pages/manage/index'
const XIHU_MANAGER = '13800000013'
/** By the West Lake's 断桥, as a phone's GPS (WGS-84) reports it. */
const WEST_LAKE_WGS84 = { latitude: 30.2614, longitude: 120.1467 }

describe('服务站：就近查找和管理（H5）', () => {
  const server = useServerAndBrowser()

  test('a consumer finds the nearest station from the home page; without a position, by region', async (t) => {
    await onPhone({ t, name: 'stations-near', baseUrl: server.baseUrl }, async ({ page, context, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await context.grantPermissions(['geolocation'])
      await context.setGeolocation(WEST_LAKE_WGS84)
      await page.goto('/')
      await screen(page, HOME).getByText('找服务站').click()
      const finder = screen(page, FINDER)
      await finder.getByText('离您最近的服务站').waitFor()
      const cards = finder.locator('.station')
      await cards.first().getByText('湖滨社区消费维权服务站').waitFor()
      assert.match((await cards.first().locator('.station__distance').textContent()) ?? '', /^\d\.\d 公里$|^\d+ 米$/)
      // The demo supermarket's station and the walk-in demo station are the next two, both on 文三路.
      await cards.filter({ hasText: '文三路消费维权服务站' }).first().waitFor()
      await cards.first().getByText('开放时间：周一至周五 9:00-17:00').waitFor()
      await cards.first().getByText('代办投诉').waitFor()
      await cards.first().getByText('电话：0571-87001234').waitFor()
      await button(cards.first(), '打电话').waitFor()
      await button(cards.first(), '导航').waitFor()
      await screenshot('stations-01-nearest-phone')
    })

    await onPhone({ t, name: 'stations-region', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, context, screenshot, allowConsoleError }) => {
      allowConsoleError(/geolocation|Geolocation/)
      await page.setViewportSize({ width: 390, height: 844 })
      await context.clearPermissions()
      await page.goto(FINDER)
      const finder = screen(page, FINDER)
      await finder.getByText('请选择您所在的地区', { exact: false }).first().waitFor()
      await finder.locator('.region-chip').filter({ hasText: '示例省消费者协会' }).click()
      await finder.locator('.region-chip').filter({ hasText: '示例省宁波市消费者协会' }).click()
      await finder.getByText('鼓楼市场监管所维权服务站').waitFor()
      await finder.getByText('江北晚报读者维权服务站').waitFor()
      assert.equal(await finder.getByText('湖滨社区消费维权服务站').count(), 0)
      await finder.getByText('示例省宁波市消费者协会的服务站').waitFor()
      await screenshot('stations-02-region-200pct')
      await finder.getByText('换一个地区').scrollIntoViewIfNeeded()
      await screenshot('stations-03-region-picker-200pct')
    })
  })

  test('a county manager adds a station and takes one off the lists after confirming', async (t) => {
    const manager = await server.signIn(XIHU_MANAGER)
    await onPhone({ t, name: 'stations-manage', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, manager)
      await page.goto(MANAGE)
      const manage = screen(page, MANAGE)
      await manage.getByText('文三路消费维权服务站').waitFor()
      await screenshot('stations-04-manage-desk')
      await button(manage, '新增服务站').click()
      await input(manage, '服务站名称').fill('古荡社区消费维权服务站')
      await manage.locator('.region-chip').filter({ hasText: '社区/村委会' }).click()
      await input(manage, '依托单位名称（可不填）').fill('古荡街道古荡社区居委会')
      await input(manage, '地址').fill('浙江省杭州市西湖区古荡新村 12 号')
      await input(manage, '开放时间').fill('周一至周六 8:30-17:30')
      await input(manage, '电话（可不填）').fill('0571-88112233')
      await manage.locator('.region-chip').filter({ hasText: '调解' }).click()
      await input(manage, '纬度').fill('30.2842')
      await input(manage, '经度').fill('120.1190')
      await screenshot('stations-05-new-form-desk')
      await button(manage, '保存').click()
      const added = manage.locator('.station').filter({ hasText: '古荡社区消费维权服务站' })
      await added.getByText('开放时间：周一至周六 8:30-17:30').waitFor()

      const nearest = await server.api('GET', '/stations?latitude=30.2842&longitude=120.1190&limit=1')
      assert.equal((nearest.body as { items: Array<{ name: string; services: string[] }> }).items[0]?.name, '古荡社区消费维权服务站')
      assert.deepEqual((nearest.body as { items: Array<{ services: string[] }> }).items[0]?.services, ['consult', 'file_complaint', 'mediate'])

      await button(added, '停用').click()
      await modalConfirm(page, '停用').click()
      await added.getByText('已停用').waitFor()
      await toastGone(page)
      await screenshot('stations-06-deactivated-desk')
      const after = await server.api('GET', '/stations?latitude=30.2842&longitude=120.1190&limit=1')
      assert.notEqual((after.body as { items: Array<{ name: string }> }).items[0]?.name, '古荡社区消费维权服务站')
    })
  })
})
