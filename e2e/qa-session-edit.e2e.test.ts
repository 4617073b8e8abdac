/**
 * Lawyer Q&A (issue #18): staff change a session before it ends from the 律师答疑 desk. The form
 * starts from the session as it is; when someone else changed it meanwhile, saving says so (409)
 * instead of overwriting; after a refresh the edit goes through and the desk and the public page
 * show the new theme. Staff at a 1280×800 desk, and the form on a phone at 200 % text.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/qa-session-edit.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, input, screen, signInAs } from './support/taro'

const STAFF_QA = '/packages/lawyers/pages/staff/index'
const SESSION = '/packages/lawyers/pages/session/index'
/** 孙处长 of the province association, whose team has the demo lawyer 黄律师. */
const PROVINCE_STAFF = '13800000011'

interface Session {
  id: string
  version: number
  theme: string
  startsAt: string
  endsAt: string
  lawyers: Array<{ id: string }>
}

describe('律师答疑：修改一期（H5）', () => {
  const server = useServerAndBrowser()

  test('staff edit 第98期; an edit made meanwhile by someone else is refused, then the refreshed form saves', async (t) => {
    const staff = await server.signIn(PROVINCE_STAFF)
    const team = (await server.api('GET', '/staff/lawyers', { token: staff.accessToken })).body as { items: Array<{ id: string; name: string }> }
    const lawyer = team.items.find((l) => l.name === '黄律师')!
    const now = Date.now()
    const created = await server.api('POST', '/staff/qa-sessions', {
      token: staff.accessToken,
      body: { number: 98, theme: '网购退货', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 2 * 3600_000).toISOString(), lawyerIds: [lawyer.id] },
    })
    assert.equal(created.status, 201)
    const session = created.body as Session

    await onPhone({ t, name: 'qa-edit-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot, allowConsoleError }) => {
      allowConsoleError(/409/)
      await signInAs(page, staff)
      await page.goto(STAFF_QA)
      const desk = screen(page, STAFF_QA)
      await button(desk, '修改第98期的主题、时间或律师').waitFor()
      await screenshot('qa-edit-00-desk')
      await button(desk, '修改第98期的主题、时间或律师').click()
      await desk.getByText('期数不能改').waitFor()
      assert.equal(await input(desk, '本期主题').inputValue(), '网购退货', 'the form starts from the session as it is')
      await input(desk, '本期主题').fill('网购退货和七日无理由')
      // The H5 page scrolls in its own container: back to the form's heading for the picture.
      await desk.getByText('修改第98期').first().scrollIntoViewIfNeeded()
      await screenshot('qa-edit-01-form-desk')

      // Meanwhile a colleague changes the same session.
      const colleague = await server.api('PUT', `/staff/qa-sessions/${session.id}`, {
        token: staff.accessToken,
        body: { version: session.version, theme: '网购退货（同事改过）', startsAt: session.startsAt, endsAt: session.endsAt, lawyerIds: [lawyer.id] },
      })
      assert.equal(colleague.status, 200)

      await button(desk, '保存修改').click()
      await desk.getByText('这一期刚被别人修改过，请刷新后再改').waitFor()
      await screenshot('qa-edit-02-conflict-desk')

      await page.reload()
      await button(desk, '修改第98期的主题、时间或律师').click()
      assert.equal(await input(desk, '本期主题').inputValue(), '网购退货（同事改过）', 'the refreshed form shows the colleague’s change')
      await input(desk, '本期主题').fill('网购退货和七日无理由')
      await button(desk, '保存修改').click()
      await desk.locator('.qa-session').filter({ hasText: '第98期' }).getByText('网购退货和七日无理由').waitFor()
    })

    const stored = (await server.api('GET', '/staff/qa-sessions', { token: staff.accessToken })).body as { items: Session[] }
    const saved = stored.items.find((s) => s.id === session.id)!
    assert.equal(saved.theme, '网购退货和七日无理由')
    assert.equal(saved.version, 2)

    await onPhone({ t, name: 'qa-edit-phone', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, staff)
      await page.goto(STAFF_QA)
      const desk = screen(page, STAFF_QA)
      await button(desk, '修改第98期的主题、时间或律师').click()
      await desk.getByText('期数不能改').waitFor()
      await desk.getByText('修改第98期').first().scrollIntoViewIfNeeded()
      await screenshot('qa-edit-03-form-200pct')
      await page.goto(`${SESSION}?id=${session.id}`)
      await screen(page, SESSION).getByText('网购退货和七日无理由').first().waitFor()
    })
  })
})
