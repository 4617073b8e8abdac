/**
 * Group complaints (群体性投诉): five consumers complain about one noodle shop in 西湖区; the five form
 * a group that the city's staff find in their 重点督办 list (at a 1280×800 desk and on a phone),
 * open it and see every member with the total, record one mediation note for all five with each
 * member's own amount (confirmed first, the result listed per case); a sixth consumer opens their own complaint at 200 %
 * text and joins the group with one tap.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/groups.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import type { ApiSession, TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { button, screen, signInAs } from './support/taro'
import { COMPLAINT_DETAIL, CONSUMER } from './support/routes'

const CITY_STAFF = '13800000012'
const GROUPS = '/packages/groups/pages/staff-list/index'
const GROUP = '/packages/groups/pages/staff-detail/index'
const SHOP = '西湖边示例面馆'

async function fileAboutShop(server: TestServer, consumer: ApiSession, n: number): Promise<{ id: string; number: string }> {
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: SHOP, address: '曙光路 9 号', region: '浙江省/杭州市/西湖区' },
      industry: 'prepaid',
      incidentDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      amountFen: 50_000 + n * 10_000,
      description: `第${n}位顾客：在面馆充值的会员卡，店门突然关了，老板联系不上，余额退不了。`,
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: consumer.user.phone,
      consentToShare: true,
    }),
  })
  assert.equal(response.status, 201, await response.clone().text())
  return (await response.json()) as { id: string; number: string }
}

describe('群体性投诉：重点督办与一键加入（H5）', () => {
  const server = useServerAndBrowser()

  test("five complaints about one business form a group that reaches the city's 重点督办 list; a consumer joins with one tap", async (t) => {
    for (let n = 1; n <= 5; n++) await fileAboutShop(server, await server.signIn(`1370000100${n}`), n)
    const city = await server.signIn(CITY_STAFF)
    const list = (await server.api('GET', '/staff/groups', { token: city.accessToken })).body as { items: Array<{ id: string; businessName: string; memberCount: number }> }
    const group = list.items.find((g) => g.businessName === SHOP)
    assert.equal(group?.memberCount, 5)
    // The demo data's group (five neighbours about a tea shop) is there too.
    assert.ok(list.items.some((g) => g.businessName === '西湖畔茶食品有限公司'))

    await onPhone({ t, name: 'groups-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, city)
      await page.goto(GROUPS)
      const desk = screen(page, GROUPS)
      await desk.getByText(SHOP).first().click()
      await desk.getByText('涉及金额合计 4,000 元').waitFor()
      await desk.getByText('成员投诉（5）').waitFor()
      await desk.getByText('杭州市西湖区消费者协会督办', { exact: false }).waitFor()
      await screenshot('groups-01-city-desk')
      await button(desk, /写督办记录/).click()
      await desk.locator('textarea').fill('已约谈面馆经营者，要求一周内按各自余额退款')
      await screenshot('groups-02-note-form-desk')
      await button(desk, '取消').click()

      // 统一处理: one mediation note for all five, each with their own amount (the first changed to 480).
      await button(desk, /统一处理/).click()
      await desk.locator('textarea').fill('经约谈，面馆经营者同意按每位会员卡余额退款')
      await desk.locator('.group-form__picker').click()
      await page.locator('.weui-picker__action').filter({ hasText: '确定' }).click()
      const first = desk.locator('.group-amounts__input input').first()
      await first.fill('480')
      await desk.getByText('3,880 元').scrollIntoViewIfNeeded()
      await screenshot('groups-07-action-table-desk')
      await button(desk, '核对').click()
      await desk.getByText('将一次处理 5 件未结束的投诉，金额合计 3,880 元', { exact: false }).scrollIntoViewIfNeeded()
      await screenshot('groups-08-action-confirm-desk')
      await button(desk, '确定提交').click()
      await desk.getByText('统一处理完成：5 件已处理').waitFor()
      await screenshot('groups-09-action-result-desk')
    })
    // Each member sees the note with their own amount on their own complaint.
    const members = (await server.api('GET', `/staff/groups/${group!.id}`, { token: city.accessToken })).body as { members: Array<{ complaintId: string }> }
    const firstCase = (await server.api('GET', `/complaints/${members.members[0]!.complaintId}`, { token: city.accessToken })).body as { events: Array<{ note: string | null }> }
    assert.match(firstCase.events.at(-1)?.note ?? '', /集体投诉统一处理.*本案金额 480 元/)

    await onPhone({ t, name: 'groups-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, city)
      await page.goto(GROUPS)
      const phone = screen(page, GROUPS)
      await phone.getByText(SHOP).first().waitFor()
      await screenshot('groups-03-city-list-phone')
      await phone.getByText(SHOP).first().click()
      await page.waitForURL(`**${GROUP}**`)
      await screen(page, GROUP).getByText('成员投诉（5）').waitFor()
      await screenshot('groups-04-group-phone', { fullPage: true })
      await button(screen(page, GROUP), /统一处理/).click()
      await screen(page, GROUP).getByText('合计（5 件未结束）').scrollIntoViewIfNeeded()
      await screenshot('groups-10-action-table-phone')
    })

    const consumer = await server.signIn(CONSUMER)
    const mine = await fileAboutShop(server, consumer, 6)
    await onPhone({ t, name: 'groups-join-200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(`${COMPLAINT_DETAIL}?id=${mine.id}`)
      const detail = screen(page, COMPLAINT_DETAIL)
      await detail.getByText(`已有 5 位消费者投诉了「${SHOP}」`, { exact: false }).waitFor()
      await button(detail, '加入集体投诉').scrollIntoViewIfNeeded()
      await screenshot('groups-05-offer-200')
      await button(detail, '加入集体投诉').click()
      await detail.getByText('您的投诉已和其他 5 位消费者', { exact: false }).waitFor()
      await screenshot('groups-06-joined-200')
    })
    const view = (await server.api('GET', `/complaints/${mine.id}/group`, { token: consumer.accessToken })).body as { group: { member: boolean; memberCount: number } }
    assert.deepEqual([view.group.member, view.group.memberCount], [true, 6])
  })
})
