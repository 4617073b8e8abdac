/**
 * Lawyer Q&A (律师答疑, issue #18): the province's staff schedule 第97期 "预付卡退费" with the demo
 * lawyer; a consumer asks with a photo and allows publication; the lawyer answers citing a law; staff
 * publish; an anonymous visitor finds it by a 2-character term; the consumer files a complaint from the
 * answer in one tap (business, facts and photo carried over) and the lawyer sees its status
 * (跟进问题的解决). Phone 390×844 (the lawyer at 200 % text), staff at a 1280×800 desk.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/lawyers.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { button, input, modalConfirm, screen, signInAs, toastGone } from './support/taro'
import { CONSUMER, FILING_STEPS as STEP, WARNINGS_LIST } from './support/routes'

const ARCHIVE = '/packages/lawyers/pages/list/index'
const SESSION = '/packages/lawyers/pages/session/index'
const QUESTION = '/packages/lawyers/pages/mine/index'
const WORKSPACE = '/packages/lawyers/pages/lawyer/index'
const STAFF_QA = '/packages/lawyers/pages/staff/index'
/** 孙处长 of the province association, whose team has the demo lawyer 黄律师. */
const PROVINCE_STAFF = '13800000011'
const LAWYER = '13800000018'
const QUESTION_TEXT = '在小区健身房办了 4800 元的预付卡，才去了三次就关门了，老板电话 13912345678 也打不通，钱能要回来吗？'
const BUSINESS = '阳光健身（幸福里店）'
const chip = (scope: Locator, label: string) => scope.locator('.chip').filter({ hasText: new RegExp(`^\\s*✓?\\s*${label}\\s*$`) })

async function next(page: Page, from: string, to: string) {
  await button(screen(page, from), '下一步').click()
  await page.waitForURL(`**${to}?**`)
  await screen(page, to).locator('.filing-title').waitFor()
}

async function cardPhoto(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'weiquan-qa-')), 'card.jpg')
  const image = sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 210, g: 225, b: 240 } } })
    .composite([{ input: Buffer.from('<svg width="1200" height="800"><text x="80" y="420" font-size="120" fill="black">会员卡 ¥4800</text></svg>') }])
    .jpeg({ quality: 90 })
  writeFileSync(file, await image.toBuffer())
  return file
}

describe('律师答疑：排期、提问、解答、公开、搜索（H5）', () => {
  const server = useServerAndBrowser()

  test('staff schedule 第97期 with a lawyer; a consumer asks with a photo; the lawyer answers citing a law; staff publish; anyone finds it', async (t) => {
    const staff = await server.signIn(PROVINCE_STAFF)
    await onPhone({ t, name: 'qa-schedule', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(STAFF_QA)
      const desk = screen(page, STAFF_QA)
      await desk.getByText('黄律师').first().waitFor()
      await desk.getByText('第96期').waitFor()
      await screenshot('qa-01-staff-desk')
      await button(desk, '安排新一期').click()
      await input(desk, '期数（第几期）').fill('97')
      await input(desk, '本期主题').fill('预付卡退费')
      await desk.locator('.qa-chip').filter({ hasText: '黄律师' }).click()
      await screenshot('qa-02-schedule-form')
      await button(desk, '安排这一期').click()
      await desk.locator('.qa-session').filter({ hasText: '第97期' }).getByText('正在接受提问').waitFor()
    })

    const consumer = await server.signIn(CONSUMER)
    const photo = await cardPhoto()
    await onPhone({ t, name: 'qa-ask', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, consumer)
      await page.goto('/')
      // The main package has no room for another home entry: 律师答疑 opens from 消费警示.
      await page.goto(WARNINGS_LIST)
      await screen(page, WARNINGS_LIST).locator('[aria-label="律师答疑"]').click()
      const archive = screen(page, ARCHIVE)
      await archive.locator('.qa-session').filter({ hasText: '第97期' }).click()
      const session = screen(page, SESSION)
      await session.getByText('预付卡退费').first().waitFor()
      await button(session, '我要提问').click()
      // The form opens on the session's own page.
      const ask = session
      await ask.locator('textarea').first().fill(QUESTION_TEXT)
      await input(ask, '涉及的商家').fill(BUSINESS)
      const chooser = page.waitForEvent('filechooser')
      await button(ask, '添加照片').click()
      await (await chooser).setFiles([photo])
      await ask.locator('.qa-photo').first().waitFor({ timeout: 30_000 })
      await ask.getByText('同意', { exact: true }).waitFor()
      await screenshot('qa-03-ask-form', { fullPage: true })
      await button(ask, '提交问题').click()
      const mine = screen(page, QUESTION)
      await mine.getByText('等待律师解答').waitFor()
      await mine.locator('.qa-photo').first().waitFor()
      await screenshot('qa-04-asked')
    })

    const lawyer = await server.signIn(LAWYER)
    await onPhone({ t, name: 'qa-answer', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, lawyer)
      await page.goto(WORKSPACE)
      const workspace = screen(page, WORKSPACE)
      const waiting = workspace.locator('.qa-question').filter({ hasText: '4800 元的预付卡' })
      await waiting.waitFor()
      await screenshot('qa-05-lawyer-workspace-200pct')
      await button(waiting, '解答这个问题').click()
      await waiting.locator('textarea').first().fill('健身房以预收款方式提供服务却关门停业，属于未按约定提供服务，您可以要求退回剩余预付款及利息。')
      await waiting.locator('.qa-chip').filter({ hasText: '第五十三条' }).click()
      await waiting.locator('textarea').nth(1).fill('保存会员卡和付款记录\n向消协投诉')
      // 下一步 the asker can take in one tap.
      await waiting.locator('.qa-chip').filter({ hasText: '建议投诉' }).click()
      await waiting.locator('.qa-chip--on').filter({ hasText: '建议投诉' }).waitFor()
      await screenshot('qa-06-answer-form-200pct', { fullPage: true })
      await button(waiting, '提交解答').click()
      await workspace.getByText('没有等待解答的问题').waitFor()
    })

    await onPhone({ t, name: 'qa-publish', baseUrl: server.baseUrl, desk: { width: 1280, height: 800 } }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(STAFF_QA)
      const desk = screen(page, STAFF_QA)
      await desk.locator('.qa-session').filter({ hasText: '第97期' }).click()
      const question = desk.locator('.qa-question').filter({ hasText: '4800 元的预付卡' })
      await question.getByText('第五十三条', { exact: false }).waitFor()
      await button(question, '编辑并公开').click()
      // The phone number is masked before staff even edit, and again by the server.
      assert.doesNotMatch(await question.locator('textarea').first().inputValue(), /13912345678/)
      await screenshot('qa-07-publish-desk')
      await button(question, '公开发布').click()
      await modalConfirm(page, '发布').click()
      await question.getByText('已公开', { exact: false }).waitFor()
      await toastGone(page)
    })

    await onPhone({ t, name: 'qa-search', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(ARCHIVE)
      const archive = screen(page, ARCHIVE)
      await input(archive, '搜索问答').fill('预付')
      await button(archive, '搜索').click()
      const hit = archive.locator('.qa-results .qa-question').filter({ hasText: '4800 元的预付卡' })
      await hit.getByText('第五十三条', { exact: false }).waitFor()
      assert.doesNotMatch((await archive.locator('.qa-results').textContent()) ?? '', /13912345678|王阿姨/)
      await screenshot('qa-08-anonymous-search')
    })

    // From answer to action: 一键投诉 opens the filing flow with the business, the facts and the photo.
    let complaintNumber = ''
    await onPhone({ t, name: 'qa-complaint', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, consumer)
      await page.goto(QUESTION)
      const mine = screen(page, QUESTION)
      const asked = mine.locator('.qa-question').filter({ hasText: '4800 元的预付卡' })
      await button(asked, '一键投诉').waitFor()
      await button(asked, '一键投诉').scrollIntoViewIfNeeded()
      await screenshot('qa-09-one-tap')
      await button(asked, '一键投诉').click()

      await page.waitForURL(`**${STEP.business}?**`)
      const one = screen(page, STEP.business)
      await one.getByText('来自律师答疑 第97期').waitFor()
      assert.equal(await input(one, '商家名称').inputValue(), BUSINESS)
      await screenshot('qa-10-filing-prefilled')
      await chip(one, '预付式消费').click()
      await next(page, STEP.business, STEP.facts)

      const two = screen(page, STEP.facts)
      assert.equal(await two.locator('taro-textarea-core textarea').inputValue(), QUESTION_TEXT, 'the facts are the question')
      await chip(two, '昨天').click()
      await input(two, '涉及金额').fill('4800')
      await chip(two, '退款').click()
      await two.locator('.field-error').waitFor({ state: 'detached' })
      await next(page, STEP.facts, STEP.photos)

      // The question's photo is there, already on the server: nothing to upload.
      const three = screen(page, STEP.photos)
      await three.locator('.photo__status--ok').filter({ hasText: '已上传' }).first().waitFor()
      assert.equal(await three.locator('.photo').count(), 1)
      await three.locator('.photo__thumb img').first().evaluate((img: HTMLImageElement) => img.decode())
      assert.ok(await three.locator('.photo__thumb img').first().evaluate((img: HTMLImageElement) => img.naturalWidth > 0), 'the carried photo shows')
      await screenshot('qa-11-filing-photo-carried')
      await next(page, STEP.photos, STEP.contact)

      const four = screen(page, STEP.contact)
      await four.locator('.check-row').click()
      await four.locator('.field-error').waitFor({ state: 'detached' })
      await next(page, STEP.contact, STEP.review)
      const five = screen(page, STEP.review)
      await five.getByText('来自律师答疑 第97期').waitFor()
      await button(five, '提交投诉').click()
      await page.waitForURL(`**${STEP.result}?**`)
      complaintNumber = (await screen(page, STEP.result).locator('.result__number').innerText()).trim()
      assert.match(complaintNumber, /^WQ\d{14}$/)

      // Back on the question: the complaint's number and status.
      await page.goto(QUESTION)
      const again = screen(page, QUESTION).locator('.qa-question').filter({ hasText: '4800 元的预付卡' })
      await again.getByText(`投诉编号 ${complaintNumber}`).waitFor()
      await again.getByText('当前状态：等待消协受理').waitFor()
      assert.equal(await button(again, '一键投诉').count(), 0)
      await again.locator('.qa-follow-up').scrollIntoViewIfNeeded()
      await screenshot('qa-12-question-complaint-status')
    })

    // The same at 200 % text: the number and status reflow on the phone.
    await onPhone({ t, name: 'qa-complaint-200', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, consumer)
      await page.goto(QUESTION)
      const status = screen(page, QUESTION).locator('.qa-follow-up')
      await status.getByText(`投诉编号 ${complaintNumber}`).waitFor()
      await status.scrollIntoViewIfNeeded()
      await screenshot('qa-12b-question-complaint-status-200pct')
    })

    // 跟进问题的解决: the lawyer sees how it is going: the status and dates, not who filed it.
    await onPhone({ t, name: 'qa-follow-up', baseUrl: server.baseUrl, defaultFontSize: 32 }, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAs(page, lawyer)
      await page.goto(WORKSPACE)
      const workspace = screen(page, WORKSPACE)
      const followUp = workspace.locator('.qa-follow-up-card').filter({ hasText: '第97期' })
      await followUp.getByText('投诉状态：等待消协受理').waitFor()
      const text = (await followUp.textContent()) ?? ''
      assert.doesNotMatch(text, new RegExp(`${complaintNumber}|${CONSUMER}|王阿姨`))
      await followUp.scrollIntoViewIfNeeded()
      await screenshot('qa-13-lawyer-follow-up-200pct')
    })
  })
})
