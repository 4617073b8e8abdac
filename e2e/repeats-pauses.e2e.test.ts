/**
 * A testing/appraisal pause and a repeated complaint, on the H5 app against the real server: staff
 * stop the clock for a test (the consumer and the staff page show 计时已暂停 with the reason, the
 * staff page offers 恢复计时), and a complaint filed again while the first is open lands on the
 * result page as 已补充到原投诉 with the original number.
 *
 * Run: npx taro build --type h5 && node --import tsx --test e2e/repeats-pauses.e2e.test.ts
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { onPhone } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import type { ApiSession } from './support/server'
import { button, screen, signInAs, toastGone } from './support/taro'
import { COMPLAINT_DETAIL as DETAIL, CONSUMER, STAFF, STAFF_COMPLAINT } from './support/routes'

const RESULT = '/packages/complaint/pages/result/index'

describe('暂停计时与重复投诉（H5）', () => {
  const server = useServerAndBrowser()


  const complaintBody = (description: string) => ({
    business: { name: '快乐健身有限公司' },
    industry: 'prepaid',
    incidentDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
    amountFen: 399_900,
    description,
    demands: ['refund'],
    evidenceIds: [],
    contactPhone: CONSUMER,
    consentToShare: true,
  })

  async function file(consumer: ApiSession, description: string) {
    const response = await fetch(`${server.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify(complaintBody(description)),
    })
    return { status: response.status, body: (await response.json()) as { id: string; number: string; mergedRepeat?: { into: string; message: string } } }
  }

  test('工作人员暂停计时；消费者和工作台都看到“计时已暂停”；重复投诉补充到原投诉', async (t) => {
    const consumer = await server.signIn(CONSUMER)
    const staff = await server.signIn(STAFF)
    const first = await file(consumer, '办了年卡才三个月，健身房突然关门，老板电话打不通，会员卡余额无法退还。')
    assert.equal(first.status, 201)
    const paused = await server.api('POST', `/complaints/${first.body.id}/actions/pause_clock`, { token: staff.accessToken, body: { reason: '会员合同送司法鉴定机构鉴定签名真伪' } })
    assert.equal(paused.status, 200, JSON.stringify(paused.body))

    await onPhone({ t, name: 'pause-consumer', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(`${DETAIL}?id=${first.body.id}`)
      const view = screen(page, DETAIL)
      await view.getByText(/计时已暂停/).first().waitFor()
      await view.getByText('暂停原因：会员合同送司法鉴定机构鉴定签名真伪').waitFor()
      await screenshot('p01-consumer-paused')
    })

    await onPhone({ t, name: 'pause-staff', baseUrl: server.baseUrl, desk: true }, async ({ page, screenshot }) => {
      await signInAs(page, staff)
      await page.goto(`${STAFF_COMPLAINT}?id=${first.body.id}`)
      const handle = screen(page, STAFF_COMPLAINT)
      await handle.getByText(/计时已暂停/).first().waitFor()
      await button(handle, '恢复计时').waitFor()
      assert.equal(await button(handle, '暂停计时（检测鉴定）').count(), 0, 'no second pause while paused')
      await toastGone(page)
      await screenshot('p02-staff-paused')
    })

    const again = await file(consumer, '健身房突然关门，会员卡余额无法退还，老板电话一直打不通，我再投诉一次。')
    assert.equal(again.status, 200)
    assert.equal(again.body.id, first.body.id)
    assert.equal(again.body.mergedRepeat?.into, first.body.number)

    await onPhone({ t, name: 'repeat-result', baseUrl: server.baseUrl }, async ({ page, screenshot }) => {
      await signInAs(page, consumer)
      await page.goto(`${RESULT}?id=${first.body.id}&merged=1`)
      const view = screen(page, RESULT)
      await view.getByText('已补充到原投诉', { exact: true }).waitFor()
      await view.getByText(`您已就该商家提交过投诉 ${first.body.number}，本次内容已补充到原投诉`, { exact: false }).waitFor()
      await screenshot('p03-repeat-merged')
    })
  })
})
