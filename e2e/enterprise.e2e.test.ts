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
import type { Page } from 'playwright-core'
import type { ApiSession } from './support/server'
import { button, input, modalConfirm, screen, toastGone } from './support/taro'
import { CONSUMER, ENTERPRISE_NAME, ENTERPRISE_PAGE as ENTERPRISE, FILING_STEPS, HOME, LOGIN, STAFF, STAFF_WORKSPACE as STAFF_HOME } from './support/routes'

const BUSINESS = FILING_STEPS.business
const STAFF_LIST = '/packages/staff/pages/enterprises/index'
const STAFF_EDIT = '/packages/staff/pages/enterprise/index'

/** What zustand persist would have written after a login in this browser. */
async function signInBrowser(page: Page, session: ApiSession) {
  await page.goto('/')
  await page.evaluate((state) => {
    localStorage.setItem('weiquan-session', JSON.stringify({ data: JSON.stringify({ state, version: 0 }) }))
  }, session)
}

describe('企业名录（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  test('输入“健身”出现名录中的商家；选中后自动填写并可选择处理方式；详情页显示承诺和数据说明', async (t) => {
    await onPhone({ t, name: 'enterprise-directory', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.goto('/')
      await screen(page, HOME).locator('.home__action').filter({ hasText: '我要投诉' }).tap()
      await page.waitForURL('**/pages/login/index?**')
      const login = screen(page, LOGIN)
      await input(login, '手机号').fill(CONSUMER)
      await button(login, '获取验证码').tap()
      await input(login, '验证码').fill(await server.waitForSmsCode(CONSUMER))
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

  test('消协工作人员新增企业（表单逐项提示错误、保存前确认）、加入绿色通道，并添加联络员；联络员随即可以登录企业处理台', async (t) => {
    const staff = await server.signIn(STAFF)
    await onPhone({ t, name: 'staff-manage-enterprises', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInBrowser(page, staff)
      await page.goto(STAFF_HOME)
      await screen(page, STAFF_HOME).locator('.statistics-entry').filter({ hasText: '企业和联络员' }).tap()
      await page.waitForURL(`**${STAFF_LIST}**`)
      const list = screen(page, STAFF_LIST)
      await input(list, '查找企业').fill('超市')
      await list.locator('.manage-row').filter({ hasText: ENTERPRISE_NAME }).waitFor()
      await screenshot('m01-staff-enterprise-list')
      await button(list, '新增企业').tap()

      await page.waitForURL(`**${STAFF_EDIT}**`)
      const edit = screen(page, STAFF_EDIT)
      await button(edit, '加入名录').tap()
      await edit.getByText('请填写企业名称，至少 2 个字').waitFor()
      await edit.getByText('请选择行业').last().waitFor()
      await input(edit, '企业名称').fill('福满多便利店有限公司')
      assert.equal(await edit.getByText('请填写企业名称，至少 2 个字').count(), 0, 'a corrected field loses its error at once')
      await edit.locator('.picker-value[aria-label="行业"]').tap()
      await page.locator('.weui-picker__action').filter({ hasText: '确定' }).tap()
      await input(edit, '对外服务电话').fill('12345')
      await input(edit, '省').fill('河南省')
      await input(edit, '市').fill('郑州市')
      await edit.locator('[role="switch"]').tap()
      await edit.getByText('● 已加入绿色通道').waitFor()
      await edit.locator('textarea[aria-label="企业承诺"], taro-textarea-core[aria-label="企业承诺"] textarea').first().fill('线下无理由退货\n先行赔付')
      await button(edit, '加入名录').tap()
      await edit.getByText(/请填写座机/).waitFor()
      await toastGone(page)
      await screenshot('m02-staff-enterprise-form-errors', { fullPage: true })
      await input(edit, '对外服务电话').fill('0371-65001111')
      await button(edit, '加入名录').tap()
      await modalConfirm(page, '确定').tap()
      await edit.getByText('还没有联络员', { exact: false }).waitFor()

      await button(edit, '添加联络员').tap()
      await edit.getByText('请输入 11 位手机号').waitFor()
      await input(edit, '联络员手机号').fill('13911115555')
      await input(edit, '联络员姓名').fill('孙经理')
      await button(edit, '添加联络员').tap()
      await modalConfirm(page, '确定添加').tap()
      await edit.locator('.manage-liaison').filter({ hasText: '孙经理' }).filter({ hasText: '13911115555' }).waitFor()
      await toastGone(page)
      await edit.locator('.manage-liaison').scrollIntoViewIfNeeded()
      await screenshot('m03-staff-liaison-added')
    })

    const found = await fetch(`${server.baseUrl}/api/enterprises?q=${encodeURIComponent('福满多')}`)
    const { items } = (await found.json()) as { items: Array<{ id: string; odr: boolean; industry: string; province: string }> }
    assert.equal(items.length, 1)
    assert.equal(items[0]!.odr, true)
    assert.equal(items[0]!.province, '河南省')
    const detail = (await (await fetch(`${server.baseUrl}/api/enterprises/${items[0]!.id}`)).json()) as { promises: string[]; contactPhone: string }
    assert.deepEqual(detail.promises, ['线下无理由退货', '先行赔付'])
    assert.equal(detail.contactPhone, '0371-65001111')
    const liaison = await server.signIn('13911115555')
    assert.equal(liaison.user.role, 'enterprise')
    assert.equal(liaison.user.enterprise?.name, '福满多便利店有限公司')
  })
})
