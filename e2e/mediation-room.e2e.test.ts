/**
 * The mediation room (issue #17) with three browsers at once: the consumer and the business's
 * liaison on phones, the mediator at a desk (1280×800, every thread side by side). The mediator
 * proposes a session (API); both parties confirm it in the room; they talk in the shared thread;
 * the mediator and each party exchange one private side message each way, which the other party
 * never sees. Screenshots: phone 390×844, 200 % text, desk 1280×800.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/mediation-room.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { onPhone } from './support/browser'
import { fileCaseInMediation } from './support/mediation'
import { useServerAndBrowser } from './support/suite'
import type { ApiSession } from './support/server'
import { button, screen, signInAs } from './support/taro'
import { COMPLAINT_DETAIL, CONSUMER, LIAISON, STAFF } from './support/routes'

const ROOM = '/packages/mediation/pages/room/index'

describe('线上调解室（H5：消费者、商家、调解员三方）', () => {
  const server = useServerAndBrowser()

  // Signed in once for the suite (a phone may ask for a code once a minute).
  let people: { consumer: ApiSession; liaison: ApiSession; staff: ApiSession } | undefined

  // One case for the suite: a second complaint about the same business would be merged into it (repeat rule).
  let filed: { id: string; consumer: ApiSession; liaison: ApiSession; staff: ApiSession } | undefined
  const caseInMediation = async () => (filed ??= await fileCase())

  /** An association-path case naming the demo enterprise, accepted and in mediation. */
  async function fileCase() {
    people ??= { consumer: await server.signIn(CONSUMER), liaison: await server.signIn(LIAISON), staff: await server.signIn(STAFF) }
    const { consumer, liaison, staff } = people
    const complaint = await fileCaseInMediation(server, { consumer, liaison, staff }, { amountFen: 39_900, description: '买的电饭锅用了两天就坏了，商家不给退也不给修。', daysAgo: 3 })
    return { id: complaint.id, consumer, liaison, staff }
  }

  const pane = (page: Page, label: string): Locator => screen(page, ROOM).locator(`[aria-label="${label}"]`).first()

  async function say(scope: Locator, text: string) {
    await scope.locator('textarea').fill(text)
    await button(scope, /^发送$/).tap()
    await scope.getByText(text).waitFor()
  }

  test('三方在调解室对话；调解员与每一方单独沟通，另一方看不到', async (t) => {
    const { id, consumer, liaison, staff } = await caseInMediation()
    const startsAt = new Date(Date.now() + 2 * 86_400_000)
    startsAt.setUTCHours(6, 30, 0, 0)
    const proposed = await server.api('POST', `/complaints/${id}/room/sessions`, { token: staff.accessToken, body: { startsAt: startsAt.toISOString() } })
    assert.equal(proposed.status, 200, JSON.stringify(proposed.body))

    await onPhone({ t, name: 'room-consumer', baseUrl: server.baseUrl }, async (c) => {
      await onPhone({ t, name: 'room-liaison', baseUrl: server.baseUrl }, async (l) => {
        await onPhone({ t, name: 'room-mediator', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async (m) => {
          // The consumer comes in from the complaint's page.
          await signInAs(c.page, consumer)
          await c.page.goto(`${COMPLAINT_DETAIL}?id=${id}`)
          const detail = screen(c.page, COMPLAINT_DETAIL)
          await detail.getByText('线上调解室').waitFor()
          await button(detail, /进入调解室/).tap()
          const consumerRoom = screen(c.page, ROOM)
          await consumerRoom.getByText(/下次调解：\d+月\d+日 周. 14:30 · 请确认/).waitFor()
          await c.screenshot('room-00-consumer-banner')

          await signInAs(l.page, liaison)
          await l.page.goto(`${ROOM}?id=${id}`)
          const liaisonRoom = screen(l.page, ROOM)
          await liaisonRoom.getByText(/· 请确认/).waitFor()

          await signInAs(m.page, staff)
          await m.page.goto(`${ROOM}?id=${id}`)
          const mediatorRoom = screen(m.page, ROOM)
          await mediatorRoom.getByText(/等待双方确认/).waitFor()

          // Both confirm; everyone's banner says so without reloading.
          await button(consumerRoom, '确认参加').tap()
          await consumerRoom.getByText(/您已确认，等待对方确认/).waitFor()
          await button(liaisonRoom, '确认参加').tap()
          for (const room of [consumerRoom, liaisonRoom, mediatorRoom]) await room.getByText(/双方已确认/).waitFor({ timeout: 15_000 })

          // The shared thread: each message reaches the others live, labelled by who said it.
          await say(pane(m.page, '三方调解'), '请双方各自说明一下情况')
          await consumerRoom.getByText('请双方各自说明一下情况').waitFor({ timeout: 15_000 })
          await say(pane(c.page, '三方调解'), '锅用了两天就坏了，我希望全额退款')
          await liaisonRoom.getByText('锅用了两天就坏了，我希望全额退款').waitFor({ timeout: 15_000 })
          await say(pane(l.page, '三方调解'), '我们可以换一台新的')
          await consumerRoom.getByText('我们可以换一台新的').waitFor({ timeout: 15_000 })
          await mediatorRoom.getByText('我们可以换一台新的').waitFor({ timeout: 15_000 })
          const shared = pane(c.page, '三方调解')
          assert.ok(await shared.locator('[data-testid="room-message"]').filter({ hasText: '调解员' }).filter({ hasText: '请双方各自说明' }).count())
          assert.ok(await shared.locator('[data-testid="room-message"]').filter({ hasText: '商家' }).filter({ hasText: '换一台新的' }).count())
          await c.screenshot('room-01-consumer-shared')

          // 背靠背: the mediator to the consumer alone, and back.
          await say(pane(m.page, '单独：消费者'), '单独问您：只退一半可以接受吗？')
          await consumerRoom.locator('.room__tab').filter({ hasText: '只和调解员说' }).tap()
          await pane(c.page, '只和调解员说').getByText('单独问您：只退一半可以接受吗？').waitFor({ timeout: 15_000 })
          await say(pane(c.page, '只和调解员说'), '退七成我可以接受')
          await pane(m.page, '单独：消费者').getByText('退七成我可以接受').waitFor({ timeout: 15_000 })
          await c.screenshot('room-02-consumer-side')

          // …and to the business alone, and back.
          await say(pane(m.page, '单独：商家'), '单独问商家：退七成能接受吗？')
          await liaisonRoom.locator('.room__tab').filter({ hasText: '只和调解员说' }).tap()
          await pane(l.page, '只和调解员说').getByText('单独问商家：退七成能接受吗？').waitFor({ timeout: 15_000 })
          await say(pane(l.page, '只和调解员说'), '最多退八成，要先把坏锅寄回')
          await pane(m.page, '单独：商家').getByText('最多退八成，要先把坏锅寄回').waitFor({ timeout: 15_000 })
          await say(pane(m.page, '我的笔记'), '双方差距一成，下次提七五成')
          await m.screenshot('room-03-mediator-desk')
          await l.screenshot('room-04-liaison-side')

          // Give any stray live update time to arrive, then check: neither party ever saw the other's side thread or the notes.
          await c.page.waitForTimeout(1500)
          const consumerText = await c.page.locator('body').innerText()
          const liaisonText = await l.page.locator('body').innerText()
          for (const secret of ['单独问商家', '最多退八成', '双方差距一成']) assert.ok(!consumerText.includes(secret), `consumer saw ${secret}`)
          for (const secret of ['单独问您', '退七成我可以接受', '双方差距一成']) assert.ok(!liaisonText.includes(secret), `liaison saw ${secret}`)
          assert.equal(await screen(l.page, ROOM).locator('.room__tab').filter({ hasText: '消费者' }).count(), 0)
          // Nor can they read it through the API.
          const peek = await server.api('GET', `/complaints/${id}/room/threads/consumer/messages`, { token: liaison.accessToken })
          assert.equal(peek.status, 404)
        })
      })
    })
  })

  test('调解室在手机上放大到 200% 字号仍然可用', async (t) => {
    const { id, consumer } = await caseInMediation()
    await server.api('POST', `/complaints/${id}/room/threads/shared/messages`, { token: consumer.accessToken, body: { text: '我想问一下什么时候调解？' } })
    await onPhone({ t, name: 'room-large-text', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(`${ROOM}?id=${id}`)
      const room = screen(page, ROOM)
      await room.getByText(/下次调解|调解进行中|还没有安排/).first().waitFor()
      await room.getByText('我想问一下什么时候调解？').waitFor()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 1, `scrolls sideways by ${overflow}px`)
      await screenshot('room-05-consumer-200-text', { fullPage: true })
    })
  })
})
