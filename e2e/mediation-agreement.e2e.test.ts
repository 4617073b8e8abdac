/**
 * The mediation agreement (issue #17) on the H5 app against the real server: the mediator drafts it at
 * a desk, the consumer and the business's liaison each read it on a phone and sign with an SMS code
 * sent to their own phone (read from the console SMS), the PDF downloads, and its verification link
 * opens, without login, as 有效. The complaint and the sessions are made through the API.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/mediation-agreement.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import Database from 'better-sqlite3'
import { onPhone, SCREENSHOT_DIR } from './support/browser'
import { fileCaseInMediation } from './support/mediation'
import { useServerAndBrowser } from './support/suite'
import { button, modalConfirm, screen, signInAs } from './support/taro'
import { CONSUMER, LIAISON, STAFF } from './support/routes'

const DRAFT = '/packages/agreement/pages/draft/index'
const SIGN = '/packages/agreement/pages/sign/index'
const VERIFY = '/packages/agreement/pages/verify/index'
const DETAIL = '/packages/complaint/pages/detail/index'
const WORKSPACE = '/packages/staff/pages/workspace/index'
const STAFF_COMPLAINT = '/packages/staff/pages/complaint/index'

describe('调解协议书：起草、双方短信签署、PDF、核验（H5）', () => {
  // The performance follow-up runs every second here, so the due date's question comes at once.
  const server = useServerAndBrowser({ env: { SMS_PHONE_PER_MINUTE: '10', PERFORMANCE_SWEEP_SECONDS: '1' } })

  test('调解员起草，消费者和商家各自用验证码签署，PDF 下载后链接核验有效', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const liaison = await server.signIn(LIAISON)
    const staff = await server.signIn(STAFF)
    const complaint = await fileCaseInMediation(server, { consumer, liaison, staff }, {
      amountFen: 199_900,
      description: '在这家超市办的预付卡，门店突然停业，卡里还有 1999 元用不了，联系不上店长。',
      daysAgo: 5,
    })

    await onPhone({ t, name: 'agreement-mediator', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(`${DRAFT}?id=${complaint.id}`)
      const draft = screen(page, DRAFT)
      await draft.getByText('起草调解协议书').first().waitFor()
      await draft.locator('textarea').nth(0).fill('申请人在被申请人处办理预付卡，门店停业后余额 1999 元无法使用，双方经调解达成一致。')
      await draft.locator('taro-input-core input').nth(0).fill('1999')
      await draft.locator('textarea').nth(1).fill('为申请人办理退卡手续。')
      // The date picker: set the value the way the picker would, through the page's own API.
      await draft.getByText('请选择日期').tap()
      await page.locator('.weui-picker__action').filter({ hasText: /确定/ }).first().tap()
      await button(draft, '起草并请双方阅读').tap()
      await draft.getByText('第 1 版，双方都还没有签署').waitFor()
      await page.evaluate(() => window.scrollTo(0, 0))
      await screenshot('agreement-01-mediator-desk')
    })

    const signAs = async (who: typeof consumer, phone: string, name: string, before: RegExp, after: RegExp) =>
      onPhone({ t, name, baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
        await signInAs(page, who)
        await page.goto(`${SIGN}?id=${complaint.id}`)
        const sign = screen(page, SIGN)
        await sign.getByText(before).waitFor()
        await sign.getByText('经调解，双方自愿达成如下协议', { exact: false }).or(sign.getByText(/双方自愿达成如下协议/)).first().waitFor()
        await screenshot(`${name}-01-read`)
        await button(sign, '获取验证码').tap()
        const code = await server.waitForSmsCode(phone)
        await sign.getByText(/验证码已发送到您的手机 \d{3}\*{4}\d{4}/).waitFor()
        await sign.locator('taro-input-core input').fill(code)
        await button(sign, '签署协议').tap()
        await modalConfirm(page, '签署').tap()
        await sign.getByText(after).waitFor()
        await screenshot(`${name}-02-signed`)
      })
    await signAs(consumer, CONSUMER, 'agreement-consumer', /^待您签署$/, /您已签署，等待对方签署/)
    await signAs(liaison, LIAISON, 'agreement-liaison', /对方已签署，待您签署/, /双方已签署，协议已生效/)

    // At 200 % text the signed agreement still reads top to bottom.
    await onPhone({ t, name: 'agreement-text200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(`${SIGN}?id=${complaint.id}`)
      await screen(page, SIGN).getByText('双方已签署，协议已生效').waitFor()
      await screenshot('agreement-consumer-03-effective-text200')
    })

    const pdf = await fetch(`${server.baseUrl}/api/complaints/${complaint.id}/agreement/pdf`, { headers: { authorization: `Bearer ${consumer.accessToken}` } })
    assert.equal(pdf.status, 200)
    const bytes = Buffer.from(await pdf.arrayBuffer())
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-')
    writeFileSync(path.join(SCREENSHOT_DIR, 'agreement.pdf'), bytes)
    const read = await server.api('GET', `/complaints/${complaint.id}/agreement`, { token: consumer.accessToken })
    const agreement = (read.body as { agreement: { verifyUrl: string; textSha256: string } }).agreement
    const byFile = await server.api('GET', `/agreement-verifications/${createHash('sha256').update(bytes).digest('hex')}`)
    assert.equal((byFile.body as { status: string }).status, 'valid')

    // The QR's link, opened by anyone (no login).
    await onPhone({ t, name: 'agreement-verify', baseUrl: server.baseUrl }, async ({ page, screenshot, allowConsoleError }) => {
      const link = new URL(agreement.verifyUrl)
      await page.goto(`${link.pathname}${link.search}`)
      const verify = screen(page, VERIFY)
      await verify.getByText('有效', { exact: true }).waitFor()
      await verify.getByText(/申请人（消费者）：.\*+/).waitFor()
      await screenshot('agreement-verify-valid')
      // A forged hash: the browser logs the 404 it is answered.
      allowConsoleError(/agreement-verifications.*404|404.*agreement-verifications/)
      await page.goto(`${VERIFY}?h=${'0'.repeat(64)}`)
      await screen(page, VERIFY).getByText('没有找到这份协议').waitFor()
      await screenshot('agreement-verify-unknown')
    })

    // 履行回访: the due date comes (moved to now in the database), the consumer answers 没收到 on the
    // complaint page and the case goes back to the mediator as 未履行 with its deadline.
    const db = new Database(path.join(server.dataDir, 'weiquan.db'))
    db.prepare("update performance_follow_ups set ask_at = ? where complaint_id = ? and state = 'scheduled'").run(new Date(Date.now() - 60_000).toISOString(), complaint.id)
    db.close()
    await onPhone({ t, name: 'performance-consumer', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(`${DETAIL}?id=${complaint.id}`)
      const detail = screen(page, DETAIL)
      await detail.getByText('钱/货收到了吗？').waitFor({ timeout: 20_000 })
      await button(detail, '没收到').scrollIntoViewIfNeeded()
      await screenshot('performance-01-question')
      await button(detail, '没收到').tap()
      await detail.getByText('未履行：消费者反映没收到').waitFor()
      await detail.getByText(/调解员将在 .* 前跟进处理/).waitFor()
      await screenshot('performance-02-unperformed')
    })
    const unperformed = await server.api('GET', '/staff/performance/unperformed', { token: staff.accessToken })
    const item = (unperformed.body as { items: Array<{ complaintId: string; reason: string; handleDueAt: string }> }).items.find((i) => i.complaintId === complaint.id)
    assert.equal(item?.reason, 'not_received')
    assert.ok(item && Date.parse(item.handleDueAt) > Date.now())
  })

  test('履行回访 at 200 % text: the answer and the staff queue still read', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const staff = await server.signIn(STAFF)
    const listed = await server.api('GET', '/staff/performance/unperformed', { token: staff.accessToken })
    const id = (listed.body as { items: Array<{ complaintId: string }> }).items[0]?.complaintId
    assert.ok(id, 'the first story left a 未履行 case')
    await onPhone({ t, name: 'performance-text200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(`${DETAIL}?id=${id}`)
      const detail = screen(page, DETAIL)
      await detail.getByText('未履行：消费者反映没收到').scrollIntoViewIfNeeded()
      await screenshot('performance-03-unperformed-text200')
    })
    await onPhone({ t, name: 'performance-staff', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(WORKSPACE)
      const queue = screen(page, WORKSPACE)
      await queue.getByText(/未履行（\d+ 件）/).waitFor()
      await queue.getByText(/未履行（\d+ 件）/).scrollIntoViewIfNeeded()
      await screenshot('performance-04-staff-queue')
    })
    await onPhone({ t, name: 'performance-mediator', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(`${STAFF_COMPLAINT}?id=${id}`)
      const desk = screen(page, STAFF_COMPLAINT)
      await desk.getByText('督促履行，到期再回访').scrollIntoViewIfNeeded()
      await desk.getByText('未履行，调解员跟进中').waitFor()
      await screenshot('performance-05-mediator-desk')
    })
  })
})
