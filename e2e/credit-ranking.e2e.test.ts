/**
 * Public enterprise index and monthly 红榜/黑榜 (issue #19): an anonymous visitor opens 企业红黑榜 from
 * the warnings list, reads last month's boards and the method, switches to 黑榜, opens an
 * enterprise and sees its place and its monthly complaints. Phone 390×844, phone at 200 % text, and
 * a 1280×800 desk. The demo (server/src/seed/credit-rankings.ts) files last month's complaints.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/credit-ranking.e2e.test.ts
 */
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { screen } from './support/taro'
import { ENTERPRISE_PAGE, WARNINGS_LIST } from './support/routes'

const RANKING = '/packages/credit/pages/ranking/index'

describe('企业红黑榜与信用指数（H5，无需登录）', () => {
  const server = useServerAndBrowser()

  test('from the warnings list to last month\'s boards, the method, 黑榜, and an enterprise\'s place', async (t) => {
    await onPhone({ t, name: 'credit-phone', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.goto(WARNINGS_LIST)
      await screen(page, WARNINGS_LIST).getByText('企业红黑榜 ›').click()
      const ranking = screen(page, RANKING)
      await ranking.getByText('羊城鲜果连锁有限公司').waitFor()
      await ranking.getByText('100.0 分 ›').waitFor()
      await screenshot('credit-01-red-board')
      await ranking.getByText('排名方法').scrollIntoViewIfNeeded()
      await ranking.getByText('企业不能付费或申请删除排名。没有申请删除或修改排名的途径。').waitFor()
      await screenshot('credit-02-method')
      await ranking.getByRole('tab', { name: '黑榜' }).click()
      await ranking.getByText('深蓝速运网络科技有限公司').waitFor()
      await ranking.getByText('5.7 分 ›').waitFor()
      await screenshot('credit-03-black-board')
      await ranking.getByText('深蓝速运网络科技有限公司').click()
      const enterprise = screen(page, ENTERPRISE_PAGE)
      await enterprise.getByText('深蓝速运网络科技有限公司').first().waitFor()
      await enterprise.getByText('黑榜第 1 名（全部企业）').waitFor()
      await enterprise.getByText('每月收到的投诉').scrollIntoViewIfNeeded()
      await screenshot('credit-04-enterprise-index')
    })
  })

  test('the enterprise index at 200 % text reflows; the ranking fits a desk', async (t) => {
    const found = await server.api('GET', `/enterprises?q=${encodeURIComponent('鹏城数码')}`)
    const id = (found.body as { items: Array<{ id: string }> }).items[0]!.id
    await onPhone({ t, name: 'credit-text200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.goto(`${ENTERPRISE_PAGE}?id=${id}`)
      const enterprise = screen(page, ENTERPRISE_PAGE)
      await enterprise.getByText('红榜第 2 名（全部企业）').waitFor()
      await enterprise.getByText('红榜第 2 名（全部企业）').scrollIntoViewIfNeeded()
      await screenshot('credit-05-enterprise-text200')
      await enterprise.getByText('调解成功率').scrollIntoViewIfNeeded()
      await screenshot('credit-06-enterprise-text200-figures')
      await page.goto(RANKING)
      await screen(page, RANKING).getByText('鹏城数码家电有限公司').waitFor()
      await screenshot('credit-07-ranking-text200')
    })
    await onPhone({ t, name: 'credit-desk', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await page.goto(RANKING)
      await screen(page, RANKING).getByText('羊城鲜果连锁有限公司').waitFor()
      await screenshot('credit-08-ranking-desk')
    })
  })
})
