import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { draftErrors, emptyDraft, placeServerError, toRequest, type CourtCaseDraft } from '../new-court-case'

const TODAY = '2026-12-04'
const filled: CourtCaseDraft = {
  ...emptyDraft(TODAY),
  courtName: ' 杭州市西湖区人民法院 ',
  caseNumber: '(2026) 浙0106民诉前调1234号',
  courtDeadline: '2027-01-03',
  phone: '13900001111',
  name: '王女士',
  business: '某某家电城',
  industry: 'appliances',
  incidentDate: '2026-11-20',
  amount: '1280.5',
  description: '十一月二十日在商场买的冰箱，用了三天就不制冷，商家不肯退换。',
  demands: ['refund', 'compensation'],
}

describe('登记法院委托案件: the form says what the server would refuse, beside the field', () => {
  test('an empty form names every missing field', () => {
    const errors = draftErrors(emptyDraft(TODAY), TODAY)
    for (const field of ['courtName', 'caseNumber', 'courtDeadline', 'phone', 'name', 'business', 'industry', 'incidentDate', 'amount', 'description', 'demands']) {
      assert.ok(errors[field as keyof typeof errors], `${field} should be flagged`)
    }
    assert.equal(errors.receivedOn, undefined)
  })

  test('a filled form passes; half-width brackets and spaces become the stored case number; 元 become 分', () => {
    assert.deepEqual(draftErrors(filled, TODAY), {})
    const request = toRequest(filled)
    assert.equal(request.referral.courtCaseNumber, '（2026）浙0106民诉前调1234号')
    assert.equal(request.referral.courtName, '杭州市西湖区人民法院')
    assert.equal(request.amountFen, 128050)
    assert.deepEqual(request.business, { name: '某某家电城' })
  })

  test('a civil case number, a court name without 法院 and a deadline before receipt are caught', () => {
    const errors = draftErrors({ ...filled, caseNumber: '（2026）浙0106民初1234号', courtName: '西湖区调解中心', courtDeadline: '2026-12-01', receivedOn: '2026-12-02' }, TODAY)
    assert.match(errors.caseNumber ?? '', /民诉前调/)
    assert.match(errors.courtName ?? '', /全称/)
    assert.match(errors.courtDeadline ?? '', /不能早于/)
  })

  test('server refusals land beside their field, the rest above the button', () => {
    assert.deepEqual(placeServerError('COURT_CASE_NUMBER_TAKEN', '这个法院案号已经登记过了，请核对案号'), { caseNumber: '这个法院案号已经登记过了，请核对案号' })
    assert.ok(placeServerError('WALK_IN_PHONE_NOT_CONSUMER', 'x').phone)
    assert.deepEqual(placeServerError('VALIDATION_FAILED', '请填写委托法院的全称，如 杭州市西湖区人民法院'), { courtName: '请填写委托法院的全称，如 杭州市西湖区人民法院' })
    assert.deepEqual(placeServerError('FORBIDDEN', '只有有调解权限的工作人员才能登记法院委托'), { general: '只有有调解权限的工作人员才能登记法院委托' })
  })
})
