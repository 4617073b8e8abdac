/**
 * 消协工作台 at a desk: on a 1280×800 screen the staff workspace is a queue table beside the case.
 * A staff member moves through the queue with j/k and the arrows, opens a case with Enter, and accepts
 * a case awaiting review with the keyboard only (a, type a note, Ctrl+Enter); the row's status follows.
 * It refuses another with the keyboard only too (d, a ground chosen with Space and the arrows, Tab to
 * the note, Ctrl+Enter, Tab round the confirm dialog's buttons, Enter), the focus visible at each step.
 * Letters typed into a field are not shortcuts; ? shows the shortcuts and Escape closes them.
 * The same page at 1440×900 and 1024×768 is the workbench too; on a phone it is the card list as before.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/staff-workbench.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { onPhone } from './support/browser'
import type { TestServer } from './support/server'
import { useServerAndBrowser } from './support/suite'
import { screen, signInAs, toastGone } from './support/taro'
import { CONSUMER, STAFF, STAFF_WORKSPACE as QUEUE } from './support/routes'
import { clearDemoQueue } from './support/network'


/** A complaint filed straight with the association: it waits for review. */
async function fileWithAssociation(server: TestServer, token: string, business: string, amountFen: number): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: business },
      industry: 'food',
      incidentDate: new Date(Date.now() - 4 * 86_400_000).toISOString().slice(0, 10),
      amountFen,
      description: '预付的会员卡余额商家不给退，门店已经关门，电话也打不通。',
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: CONSUMER,
      consentToShare: true,
      path: 'association',
    }),
  })
  const body = (await response.json()) as { id: string; status: string }
  assert.equal(response.status, 201, JSON.stringify(body))
  assert.equal(body.status, 'awaiting_review')
  return body.id
}

async function act(server: TestServer, token: string, id: string, action: string, body: object = {}) {
  const { status, body: answer } = await server.api('POST', `/complaints/${id}/actions/${action}`, { token, body })
  assert.equal(status, 200, `${action}: ${JSON.stringify(answer)}`)
}

const row = (view: Locator, id: string) => view.locator(`.queue-table tbody tr[data-id="${id}"]`)
const focusedRowId = (page: Page) => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id') ?? null)
const selectedRowId = (view: Locator) => view.locator('.queue-table tbody tr.is-selected').getAttribute('data-id')

describe('消协工作台（H5 桌面，键盘操作）', () => {
  const server = useServerAndBrowser()

  test('在 1280×800 的屏幕上用键盘浏览队列、打开投诉并受理', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const staff = await server.signIn(STAFF)
    await clearDemoQueue(server, staff)
    const businesses = ['城东生鲜超市', '好运来餐厅', '极速数码专营店', '阳光健身会所', '小马洗衣店']
    const ids: string[] = []
    for (const [index, name] of businesses.entries()) ids.push(await fileWithAssociation(server, consumer.accessToken, name, 5000 + index * 1234))
    // One case already taken on and in mediation, so the table shows more than one status and an assignee.
    const mediating = ids[3] as string
    await act(server, staff.accessToken, mediating, 'assign', { staffId: staff.user.id })
    await act(server, staff.accessToken, mediating, 'accept')
    await act(server, staff.accessToken, mediating, 'start_mediation')

    await onPhone({ t, name: 'staff-workbench-1280', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(QUEUE)
      const desk = screen(page, QUEUE)
      for (const id of ids) await row(desk, id).waitFor()
      const headers = await desk.locator('.queue-table th').allInnerTexts()
      assert.deepEqual(
        headers.map((h) => h.replace(/[▲▼↕\s]/g, '')),
        ['编号', '商家', '状态', '期限', '承办人', '所属机构'],
      )
      await row(desk, mediating).getByText('调解中').waitFor()
      await row(desk, mediating).getByText('我').waitFor()
      await desk.getByText(/剩 \d+ 个工作日|今天到期/).first().waitFor()
      await screenshot('wb01-queue-1280x800')

      // The queue is in the server's order (nearest deadline first); find the target by moving down.
      const target = ids[1] as string
      const order = await desk.locator('.queue-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))
      const at = order.indexOf(target)
      assert.ok(at >= 0, 'the case awaiting review is in the queue')
      await page.keyboard.press('j')
      await page.keyboard.press('k')
      assert.equal(await focusedRowId(page), order[0], 'j then k comes back to the first row, with the focus on it')
      for (let i = 0; i < at; i++) await page.keyboard.press(i % 2 ? 'ArrowDown' : 'j')
      assert.equal(await selectedRowId(desk), target)
      assert.equal(await focusedRowId(page), target, 'the selected row has the focus')
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
      assert.notEqual(outline, 'none', 'the focus is visible')

      await page.keyboard.press('Enter')
      const pane = desk.locator('.workbench__pane')
      await pane.getByText('好运来餐厅').first().waitFor()
      await pane.locator('taro-button-core').filter({ hasText: /^受理$/ }).waitFor()
      await screenshot('wb02-case-open-1280x800')

      // / goes to the search box; letters typed there are text, not shortcuts.
      const shown = await desk.locator('.queue-table tbody tr').count()
      await page.keyboard.press('/')
      await page.keyboard.type('jk极速')
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement).value), 'jk极速')
      assert.equal(await desk.locator('.queue-table tbody tr').count(), 0, 'nothing matches jk极速')
      await page.keyboard.press('Escape')
      assert.equal(await desk.locator('.queue-table tbody tr').count(), shown, 'Escape clears the search')
      assert.equal(await selectedRowId(desk), target, 'typing moved nothing')

      // ? shows the shortcuts; Escape closes them.
      await page.keyboard.press('?')
      const help = page.getByRole('dialog', { name: '键盘快捷键' })
      await help.waitFor()
      await help.getByText('记录调解情况').waitFor()
      await screenshot('wb03-shortcut-help-1280x800')
      await page.keyboard.press('Escape')
      await help.waitFor({ state: 'detached' })

      // a opens 受理 in the pane with the cursor in its note; Ctrl+Enter sends it.
      await page.keyboard.press('a')
      await pane.locator('taro-button-core').filter({ hasText: '确认受理' }).waitFor()
      await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
      await page.keyboard.type('材料齐全 ok, jam')
      assert.equal(await selectedRowId(desk), target, 'j typed into the note moved nothing')
      await screenshot('wb04-accept-form-1280x800')
      await page.keyboard.press('Control+Enter')
      await row(desk, target).getByText('消协已受理').waitFor()
      await pane.locator('taro-button-core').filter({ hasText: '开始调解' }).waitFor()
      await page.waitForFunction((id) => document.activeElement?.closest('tr')?.getAttribute('data-id') === id, target)

      // m opens 记录调解情况; Escape cancels it and nothing is sent.
      await page.keyboard.press('m')
      await pane.locator('taro-button-core').filter({ hasText: '保存记录' }).waitFor()
      await page.keyboard.press('Escape')
      await pane.locator('taro-button-core').filter({ hasText: '保存记录' }).waitFor({ state: 'detached' })
      await toastGone(page)
      await screenshot('wb05-accepted-1280x800')

      // 不予受理 by keyboard only. Enter opens the case, d the step with the focus on the grounds; Tab goes on to the note.
      const refused = ids[2] as string
      const listed = await desk.locator('.queue-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))
      const from = listed.indexOf(await selectedRowId(desk))
      const to = listed.indexOf(refused)
      for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'j' : 'k')
      assert.equal(await selectedRowId(desk), refused)
      await page.keyboard.press('Enter')
      await pane.getByText('极速数码专营店').first().waitFor()
      await page.keyboard.press('d')
      await pane.locator('taro-button-core').filter({ hasText: '确认不予受理' }).waitFor()
      const grounds = pane.getByRole('radiogroup', { name: '不予受理的理由' })
      const focusedChip = () => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'radio' ? document.activeElement.textContent : null))
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'radio')
      assert.equal(await grounds.getByRole('radio', { checked: true }).count(), 0, 'no ground chosen yet')
      await page.keyboard.press('Tab')
      await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
      await page.keyboard.type('商家已注销 jk，请向市场监管部门反映')
      // Sent without a ground: the error shows and the cursor goes back to the grounds; nothing is asked or sent.
      await page.keyboard.press('Control+Enter')
      await pane.getByText('请选择不予受理的理由').waitFor()
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'radio')
      assert.equal(await page.locator('.taro-modal__content').filter({ visible: true }).count(), 0)
      // Space chooses the focused ground, the arrows move to the next one and choose it.
      const labels = await grounds.getByRole('radio').allInnerTexts()
      await page.keyboard.press(' ')
      assert.deepEqual(await grounds.getByRole('radio', { checked: true }).allInnerTexts(), [labels[0]])
      await page.keyboard.press('ArrowDown')
      assert.deepEqual(await grounds.getByRole('radio', { checked: true }).allInnerTexts(), [labels[1]])
      assert.equal(await focusedChip(), labels[1], 'the focus follows the choice')
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle), 'none', 'the focused ground is ringed')
      await screenshot('wb05b-refuse-form-1280x800')
      await page.keyboard.press('Tab')
      await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.value === '商家已注销 jk，请向市场监管部门反映')
      // Ctrl+Enter asks first, the focus on 确定; Tab goes round the dialog's two buttons, never behind it.
      await page.keyboard.press('Control+Enter')
      const confirm = page.getByRole('alertdialog', { name: '不予受理' })
      await confirm.getByText('不予受理后，这件投诉就结束了').waitFor()
      const focusedButton = () => page.evaluate(() => (document.activeElement?.closest('.taro-modal__content') ? document.activeElement.textContent : null))
      await page.waitForFunction(() => document.activeElement?.classList.contains('taro-model__confirm'))
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle), 'none', '确定 is ringed')
      await screenshot('wb05c-refuse-confirm-1280x800')
      await page.keyboard.press('Tab')
      assert.equal(await focusedButton(), '再想想')
      await page.keyboard.press('Tab')
      assert.equal(await focusedButton(), '确定')
      await page.keyboard.press('Enter')
      await row(desk, refused).getByText('不予受理').waitFor()
      await page.waitForFunction((id) => document.activeElement?.closest('tr')?.getAttribute('data-id') === id, refused)
      const refusal = (await server.api('GET', `/complaints/${refused}`, { token: staff.accessToken })).body as { status: string; rules: { rejection: { text: string } | null } }
      assert.equal(refusal.status, 'rejected')
      assert.ok(refusal.rules.rejection && (labels[1] ?? '').startsWith(refusal.rules.rejection.text), `the ground chosen: ${JSON.stringify(refusal.rules.rejection)}`)
      assert.match(JSON.stringify(refusal), /商家已注销 jk，请向市场监管部门反映/)
      await toastGone(page)

      const after = await server.api('GET', `/complaints/${target}`, { token: staff.accessToken })
      const detail = after.body as { status: string; events: Array<{ note?: string | null }> }
      assert.equal(detail.status, 'accepted')
      assert.match(JSON.stringify(detail), /材料齐全 ok, jam/)

      // Sorting by business (within the loaded rows) is a click on the column title away.
      await desk.locator('.queue-table th button').filter({ hasText: '商家' }).click()
      assert.equal(await desk.locator('.queue-table th').filter({ hasText: '商家' }).getAttribute('aria-sort'), 'ascending')
      await desk.getByText('排序、超期和查找只在已加载的投诉中进行').waitFor()
    })

    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await onPhone({ t, name: `staff-workbench-${width}`, baseUrl: server.baseUrl, desk: { width, height } }, async ({ page, screenshot }) => {
        await signInAs(page, staff)
        await page.goto(QUEUE)
        const desk = screen(page, QUEUE)
        await row(desk, ids[0] as string).waitFor()
        await page.keyboard.press('Enter')
        await desk.locator('.workbench__pane').getByText('城东生鲜超市').first().waitFor()
        await toastGone(page)
        const box = await desk.locator('.workbench__pane').boundingBox()
        assert.ok(box && box.x + box.width <= width, `the case pane fits the ${width} px screen`)
        const business = await desk.locator('.queue-table th.queue-table__business').boundingBox()
        assert.ok(business && business.width >= 90, `the 商家 column is ${business?.width} px wide`)
        await screenshot(`wb06-workbench-${width}x${height}`)
      })
    }

    await onPhone({ t, name: 'staff-workbench-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(QUEUE)
      const phone = screen(page, QUEUE)
      await phone.locator('.complaint-item').first().waitFor()
      await phone.getByText('投诉统计').waitFor()
      assert.equal(await phone.locator('.workbench').count(), 0, 'a phone keeps the card list')
      await toastGone(page)
      await screenshot('wb07-phone-390x844')
    })
  })
})
