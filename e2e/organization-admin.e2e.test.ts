/**
 * Alliances and managing an organization. 西湖区 sends a case across the 环太湖 alliance to 苏州
 * (联盟移送): 苏州 works it, 西湖区 still reads it, 上城区 never sees it. The 杭州 manager opens
 * 组织管理: adds a colleague by phone, makes them a manager, removes them after confirming, and
 * reads the alliance's list of moved cases. 苏州 publishes a finding to the alliance (联盟共享发现) and
 * 西湖区 sees 联盟成员已发现 on its case about the same business. Screens at 390×844, at 200 % text and at 1280×800.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/organization-admin.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone, type Phone } from './support/browser'
import { CITY_STAFF, SHANGCHENG_STAFF, SUZHOU_STAFF, XIHU_STAFF, fileInXihu, type XihuCase } from './support/network'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, signInAs } from './support/taro'
import { DEMO_FINDING } from '../server/src/seed/demo-finding'
import { CONSUMER, STAFF_COMPLAINT } from './support/routes'

const MANAGE = '/packages/staff-organization/pages/manage/index'
const ALLIANCE = '/packages/staff-organization/pages/alliance/index'
const FINDINGS = '/packages/staff-organization/pages/findings/index'
const NEW_COLLEAGUE = '13973990001'

const ABOUT: XihuCase = {
  business: { name: '太湖示例游船公司', address: '西湖码头 3 号' },
  industry: 'travel',
  amountFen: 158_000,
  description: '在西湖码头买了太湖游船套票，到了苏州才知道航线取消，商家拒绝退款，要求退还票款。',
}

describe('联盟移送与组织管理（H5）', () => {
  const server = useServerAndBrowser()
  // A phone gets one SMS code a minute, and the stories run back to back: each person signs in once for the file.
  const sessions = new Map<string, ReturnType<typeof server.signIn>>()
  const signIn = (phone: string) => sessions.get(phone) ?? sessions.set(phone, server.signIn(phone)).get(phone)!

  test('西湖区 sends a case to the alliance partner 苏州; 苏州 works it, 西湖区 still reads it, 上城区 never sees it', async (t) => {
    const consumer = await signIn(CONSUMER)
    const [xihu, suzhou, sibling] = [await signIn(XIHU_STAFF), await signIn(SUZHOU_STAFF), await signIn(SHANGCHENG_STAFF)]
    const filed = await fileInXihu(server, consumer, ABOUT)
    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: suzhou.accessToken })).status, 404, 'the partner sees nothing before')

    await onPhone({ t, name: 'alliance-transfer-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, xihu)
      await page.goto(`${STAFF_COMPLAINT}?id=${filed.id}`)
      const detail = screen(page, STAFF_COMPLAINT)
      await detail.getByText('承办组织 杭州市西湖区消费者协会').waitFor()
      await button(detail, '联盟移送').click()
      await detail.getByText('移送给其他地区的联盟成员；本组织仍可查看，由对方办理').waitFor()
      await detail.getByText('苏州市消费者权益保护委员会').waitFor()
      await detail.locator('textarea').fill('商家注册和经营地都在苏州，由苏州消保委处理')
      await screenshot('alliance-01-form-phone', { fullPage: true })
      await button(detail, '确定联盟移送').click()
      await modalConfirm(page, '确定').click()
      await detail.getByText(/这件投诉现在由“苏州市消费者权益保护委员会”处理/).waitFor()
      await screenshot('alliance-02-sent-phone')
    })

    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: suzhou.accessToken })).status, 200)
    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: xihu.accessToken })).status, 200, 'the sender keeps reading it')
    assert.equal((await server.api('GET', `/complaints/${filed.id}`, { token: sibling.accessToken })).status, 404)
    assert.equal((await server.api('POST', `/complaints/${filed.id}/actions/accept`, { token: xihu.accessToken, body: {} })).status, 403)
    assert.equal((await server.api('POST', `/complaints/${filed.id}/actions/accept`, { token: suzhou.accessToken, body: {} })).status, 200)
  })

  test('苏州 publishes a finding to the alliance after confirming; 西湖区 sees 联盟成员已发现 on its case about the same business', async (t) => {
    const consumer = await signIn(CONSUMER)
    const [suzhou, xihu, city] = [await signIn(SUZHOU_STAFF), await signIn(XIHU_STAFF), await signIn(CITY_STAFF)]
    const filed = await fileInXihu(server, consumer, { ...ABOUT, business: { name: '湖畔示例游艇俱乐部', address: '西湖码头 5 号' } })
    const pattern = '预售太湖游艇年卡后停航，苏州会员无法退卡'

    await onPhone({ t, name: 'findings-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, suzhou)
      await page.goto(FINDINGS)
      const board = screen(page, FINDINGS)
      await board.getByText(DEMO_FINDING.pattern).waitFor()
      await screenshot('findings-01-feed-phone', { fullPage: true })
      await button(board, '发布新发现').click()
      await input(board, '商家名称').fill('湖畔示例游艇俱乐部')
      await input(board, '所在地区').fill('浙江省/杭州市/西湖区')
      await board.locator('textarea').fill(pattern)
      await input(board, '相关投诉件数').fill('4')
      await input(board, '涉及金额（元）').fill('23600')
      await screenshot('findings-02-form-phone', { fullPage: true })
      await button(board, '发布到联盟').click()
      await modalConfirm(page, '确定发布').click()
      await board.locator('.finding').first().getByText(pattern).waitFor()
      await board.getByText('本会发布').first().waitFor()
      await screenshot('findings-03-published-phone')

      await signInAs(page, xihu)
      await page.goto(`${STAFF_COMPLAINT}?id=${filed.id}`)
      const detail = screen(page, STAFF_COMPLAINT)
      await detail.getByText('联盟成员已发现').waitFor()
      await detail.getByText(pattern).waitFor()
      await detail.getByText('苏州市消费者权益保护委员会', { exact: false }).first().waitFor()
      await detail.getByText('联盟成员已发现').scrollIntoViewIfNeeded()
      await screenshot('findings-04-on-case-phone')
    })
    const feed = (await server.api('GET', '/staff/alliances', { token: city.accessToken })).body as { items: Array<{ id: string }> }
    assert.equal((await server.api('GET', `/staff/alliances/${feed.items[0]!.id}/findings`, { token: city.accessToken })).status, 200)

    const board = async ({ page, screenshot }: Phone, tag: string) => {
      await signInAs(page, city)
      await page.goto(FINDINGS)
      await screen(page, FINDINGS).getByText(pattern).waitFor()
      await screenshot(`findings-05-${tag}`, { fullPage: true })
    }
    await onPhone({ t, name: 'findings-text200', baseUrl: server.baseUrl, defaultFontSize: 32 }, (phone) => board(phone, 'text200'))
    await onPhone({ t, name: 'findings-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, (phone) => board(phone, 'desk'))
  })

  test('the 杭州 manager adds a colleague by phone, makes them a manager, removes them after confirming, and reads the alliance list', async (t) => {
    const city = await signIn(CITY_STAFF)
    const story = async ({ page, screenshot }: Phone, tag: string) => {
      await signInAs(page, city)
      await page.goto(MANAGE)
      const admin = screen(page, MANAGE)
      await admin.getByText('示例省杭州市消费者协会').first().waitFor()
      await admin.getByText('周科长（本人）').waitFor()
      await admin.getByText('杭州市西湖区消费者协会').waitFor()
      await admin.getByText('环太湖毗邻城市消费维权联盟').waitFor()
      await screenshot(`org-admin-01-${tag}`, { fullPage: true })
      return admin
    }

    await onPhone({ t, name: 'org-admin-phone', baseUrl: server.baseUrl }, async (phone) => {
      const { page, screenshot } = phone
      const admin = await story(phone, 'phone')
      await button(admin, '添加工作人员').click()
      await input(admin, '手机号').fill(NEW_COLLEAGUE)
      await input(admin, '姓名').fill('冯干事')
      await screenshot('org-admin-02-add-phone', { fullPage: true })
      await button(admin, '确定添加').click()
      const row = admin.locator('.org-admin__member').filter({ hasText: '冯干事' })
      await row.getByText('调解').waitFor()
      await button(row, '设置权限').click()
      await row.locator('taro-switch-core').first().click()
      await button(row, '保存权限').click()
      await row.getByText('管理 · 调解').waitFor()
      await screenshot('org-admin-03-permissions-phone')
      await button(row, '移除').click()
      await modalConfirm(page, '移除').click()
      await row.waitFor({ state: 'detached' })

      await admin.getByText('联盟移送的投诉 ›').click()
      const alliance = screen(page, ALLIANCE)
      await alliance.getByText('杭州市西湖区消费者协会 → 苏州市消费者权益保护委员会').first().waitFor()
      await screenshot('org-admin-04-alliance-phone')
    })
    const removed = await signIn(NEW_COLLEAGUE)
    assert.equal((await server.api('GET', '/staff/complaints', { token: removed.accessToken })).status, 403, 'a removed member has no staff pages')

    await onPhone({ t, name: 'org-admin-text200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async (phone) => {
      await story(phone, 'text200')
    })
    await onPhone({ t, name: 'org-admin-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async (phone) => {
      await story(phone, 'desk')
    })
  })
})
