/**
 * The enterprise directory on the H5 app, against the real server (fresh database, seeded directory)
 * in Chromium emulating an iPhone 13: typing 健身 in step 1 suggests directory entries with the
 * 绿色通道 badge; choosing one fills the form and offers both handling paths; 详情 opens the
 * enterprise's page with its promises and the too-little-data note.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/enterprise.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, input, screen, toastGone } from './support/taro'

const BUSINESS = '/packages/complaint/pages/business/index'
const ENTERPRISE = '/packages/enterprise-directory/pages/detail/index'

describe('企业名录（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  test('输入“健身”出现名录中的商家；选中后自动填写并可选择处理方式；详情页显示承诺和数据说明', async (t) => {
    await onPhone({ t, name: 'enterprise-directory', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.goto('/')
      await screen(page, '/pages/home/index').locator('.home__action').filter({ hasText: '我要投诉' }).tap()
      await page.waitForURL('**/pages/login/index?**')
      const login = screen(page, '/pages/login/index')
      await input(login, '手机号').fill('13800000001')
      await button(login, '获取验证码').tap()
      await input(login, '验证码').fill(await server.waitForSmsCode('13800000001'))
      await button(login, /^登录$/).tap()
      await page.waitForURL(`**${BUSINESS}?**`)

      const one = screen(page, BUSINESS)
      await input(one, '商家名称').fill('健身')
      const rows = one.locator('.suggestion')
      await rows.filter({ hasText: '乐动力健身俱乐部有限公司' }).waitFor()
      assert.equal(await rows.count(), 2)
      assert.match(await rows.first().innerText(), /北京市海淀区[\s\S]*绿色通道/)
      const box = await rows.first().locator('.suggestion__main').boundingBox()
      assert.ok(box && box.height >= 48, `suggestion row is ${box?.height} px tall`)
      await toastGone(page)
      await screenshot('e01-step1-suggestions')

      await rows.first().locator('.suggestion__main').tap()
      await one.getByText('请选择处理方式').waitFor()
      assert.equal(await input(one, '所在地区').inputValue(), '北京市/海淀区')
      assert.equal(await input(one, '详细地址').inputValue(), '中关村大街 59 号 3 层')
      await one.getByText('企业须在 10 个工作日内答复').waitFor()
      await screenshot('e02-step1-path-choice')

      await one.locator('.path-link').tap()
      await page.waitForURL(`**${ENTERPRISE}?**`)
      const detail = screen(page, ENTERPRISE)
      await detail.getByText('乐动力健身俱乐部有限公司').first().waitFor()
      for (const text of ['绿色通道', '2024年6月1日加入', '预付卡余额随时可退', '中关村大街 59 号 3 层', '010-82556677', '收到投诉：0 件', '少于 5 件']) {
        await detail.getByText(text).first().waitFor()
      }
      await screenshot('e03-enterprise-page')
      await detail.getByText('投诉处理情况').scrollIntoViewIfNeeded()
      await screenshot('e04-enterprise-figures')
    })
  })
})
