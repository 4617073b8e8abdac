/**
 * 处理规则 (issue #16) on the H5 app: a staff member who may edit rules (the demo 陈主任) publishes
 * a new version of the 2026 measure with a longer mediation period and a stated basis; the public
 * 处理规则与依据 page then shows the next version with the new number marked 未核实, and version 1 stays for
 * the complaints filed under it.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/rules.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { STAFF, STAFF_WORKSPACE } from './support/routes'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, signInAs } from './support/taro'

const EDITOR = '/packages/staff-rules/pages/editor/index'
const RULES = '/packages/rules/pages/list/index'

describe('处理规则维护（H5，iPhone 13）', () => {
  const server = useServerAndBrowser()

  test('工作人员发布新版本，公开页显示第 2 版和“未核实”的新期限', async (t) => {
    const staff = await server.signIn(STAFF)
    await onPhone({ t, name: 'rules-editor', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(STAFF_WORKSPACE)
      await screen(page, STAFF_WORKSPACE).getByText('处理规则', { exact: true }).tap()
      const editor = screen(page, EDITOR)
      const card = editor.locator('.rule-set').filter({ hasText: '2026 办法' })
      const heading = card.locator('.section-title')
      await heading.waitFor()
      const version = Number(/第 (\d+) 版/.exec((await heading.textContent()) ?? '')?.[1])
      assert.ok(version >= 1)
      // The demo staff belong to the top organization, which has not chosen: the deployment's samr rules apply.
      await editor.getByText('新立案的投诉适用：市场监管部门投诉处理规章', { exact: false }).waitFor()
      await screenshot('rl00-rules-editor-family')
      const mediation = input(card, '调解期限天数')
      await mediation.fill('75')
      await button(card, '发布新版本').tap()
      await card.getByText('请写明依据', { exact: false }).waitFor()
      await input(card, '修改依据').fill('测试：假设新办法规定七十五日')
      await button(card, '发布新版本').tap()
      await modalConfirm(page, '确定').tap()
      await card.getByText(`（第 ${version + 1} 版）`, { exact: false }).waitFor()
      await screenshot('rl01-rules-editor-published')

      await page.goto(RULES)
      const rules = screen(page, RULES)
      const published = rules.locator('.rule-set').filter({ hasText: `第 ${version + 1} 版` })
      await published.getByText(/75 (个工作)?日/).first().waitFor()
      assert.ok(await published.getByText('测试：假设新办法规定七十五日', { exact: false }).count(), 'the basis the editor gave is shown')
      await screenshot('rl02-rules-public-next-version', { fullPage: true })
    })

    const { body } = await server.api('GET', '/rule-sets')
    const latest = (body as { ruleSets: Array<{ version: number; content: { steps: { mediation: { days: number; verified: boolean } } } }> }).ruleSets
    const republished = latest.find((r) => r.content.steps.mediation.days === 75 && r.version > 1)
    assert.equal(republished?.content.steps.mediation.days, 75)
    assert.equal(republished?.content.steps.mediation.verified, false, 'a number changed by hand is not presented as checked law')
  })
})
