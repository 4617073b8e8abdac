/**
 * 引导至其他部门 on the H5 app, against the real server: a consumer filing about a phone company sees
 * that such complaints usually go to 12300 (and may still file); staff open the complaint, see the
 * telecom body suggested first and refer it; the consumer's detail shows 已引导 with the body, its
 * hotline and a summary to copy — at the default text size and at 200 %.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/referral.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { layoutProblems } from './support/layout'
import { useServerAndBrowser } from './support/suite'
import { button, modalConfirm, screen, signInAs, toastGone } from './support/taro'
import { COMPLAINT_DETAIL as DETAIL, CONSUMER, FILING_STEPS, HOME, STAFF, STAFF_COMPLAINT } from './support/routes'

describe('引导至其他部门（H5）', () => {
  const server = useServerAndBrowser()


  test('通信投诉：填写时提示 12300；消协引导后，消费者看到去哪里、电话和可复制的投诉情况', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const staff = await server.signIn(STAFF)

    await onPhone({ t, name: 'referral-filing', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto('/')
      await screen(page, HOME).locator('.home__action').filter({ hasText: '我要投诉' }).tap()
      await page.waitForURL(`**${FILING_STEPS.business}?**`)
      const step = screen(page, FILING_STEPS.business)
      await step.locator('.chip').filter({ hasText: '通信' }).tap()
      await step.getByText(/这类问题通常由.*受理（电话 12300）/).waitFor()
      await step.getByText('您也可以继续向消协投诉').waitFor()
      await step.locator('.referral-hint').scrollIntoViewIfNeeded()
      await screenshot('r01-filing-telecom-hint')
    })

    const created = await fetch(`${server.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        business: { name: '某通信营业厅（人民路店）', address: '人民路 1 号' },
        industry: 'telecom',
        incidentDate: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
        amountFen: 84000,
        description: '办理宽带时营业员承诺每月 59 元，实际每月扣费 129 元，营业厅拒绝退还多扣的话费。',
        demands: ['refund'],
        evidenceIds: [],
        contactPhone: CONSUMER,
        consentToShare: true,
        path: 'association',
      }),
    })
    const complaint = (await created.json()) as { id: string; number: string; status: string }
    assert.equal(created.status, 201, JSON.stringify(complaint))
    assert.equal(complaint.status, 'awaiting_review')

    for (const desk of [false, true]) {
      await onPhone({ t, name: `referral-staff-${desk ? 'desk' : 'phone'}`, baseUrl: server.baseUrl, desk }, async ({ page, screenshot }) => {
        await signInAs(page, staff)
        await page.goto(`${STAFF_COMPLAINT}?id=${complaint.id}`)
        const handle = screen(page, STAFF_COMPLAINT)
        await button(handle, '引导至其他部门').tap()
        const options = handle.locator('.choice-list .chip')
        await options.first().waitFor()
        assert.match(await options.first().innerText(), /^【建议】电信用户申诉受理机构.*12300/)
        assert.ok(await handle.getByText('（未核实）').first().count(), 'unverified bodies are marked')
        await handle.locator('.action-form').evaluate((el) => el.scrollIntoView({ block: 'start' }))
        await screenshot(desk ? 'r03-staff-refer-form-desk' : 'r02-staff-refer-form')
        if (!desk) {
          // An unverified body says why, before staff send a consumer there.
          await options.filter({ hasText: '12378' }).tap()
          await handle.locator('.choice-detail').getByText(/^未核实：.*未能查到/).waitFor()
          await handle.locator('.choice-detail').scrollIntoViewIfNeeded()
          await screenshot('r02b-staff-refer-unverified')
          await button(handle, '取消').tap()
          return
        }
        await options.first().tap()
        await handle.locator('textarea').first().fill('话费争议请先向运营商投诉，15 日内未答复再向 12300 申诉')
        await button(handle, '确认引导').tap()
        await modalConfirm(page, '确定').tap()
        await handle.locator('.status-chip').filter({ hasText: '已引导' }).waitFor()
        await toastGone(page)
      })
    }

    for (const setting of [
      { name: 'r04-consumer-referred', defaultFontSize: undefined },
      { name: 'r05-consumer-referred-text200', defaultFontSize: 32 },
    ]) {
      await onPhone({ t, name: setting.name, baseUrl: server.baseUrl, defaultFontSize: setting.defaultFontSize }, async ({ page, screenshot }) => {
        await signInAs(page, consumer)
        await page.goto(`${DETAIL}?id=${complaint.id}`)
        const view = screen(page, DETAIL)
        await view.locator('.status-chip').filter({ hasText: '已引导' }).waitFor()
        const panel = view.locator('.referral')
        await panel.getByText('请向这个部门反映').waitFor()
        await panel.getByText('12300', { exact: true }).waitFor()
        const summary = await panel.locator('.referral__summary').innerText()
        assert.match(summary, new RegExp(complaint.number))
        assert.match(summary, /某通信营业厅（人民路店）/)
        // One fact per line, as it will be pasted.
        assert.ok(summary.split('\n').includes('涉及金额：840 元'), summary)
        assert.match(summary, /每月扣费 129 元/)
        // H5 has no 拨打 button (makePhoneCall is the mini-program's); 复制 is there.
        assert.equal(await button(panel, /^拨打/).count(), 0)
        await button(panel, '复制投诉情况').waitFor()
        await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }))
        await screenshot(setting.name)
        await button(panel, '复制投诉情况').scrollIntoViewIfNeeded()
        await screenshot(`${setting.name}-copy`)
        const problems = await layoutProblems(page, { tapTargets: '.referral taro-button-core', mainActions: '.referral .btn-primary' })
        assert.deepEqual(problems, [])
      })
    }
  })
})
