import assert from 'node:assert/strict'
import { test } from 'node:test'
import { chinaToday } from '@/contract/complaint-rules'
import { emptyForm, formProblem, toRequest } from '../components/commitment-draft'

const filled = () => ({ ...emptyForm(), storeName: '示例优选超市三里屯店', region: '北京市/朝阳区', storeAddress: '三里屯路 19 号' })

test('the form says the first thing missing, in the order of the fields', () => {
  assert.match(formProblem(emptyForm()) ?? '', /门店名称/)
  assert.match(formProblem({ ...filled(), storeAddress: '' }) ?? '', /门店地址/)
  assert.match(formProblem({ ...filled(), latitude: '39.9' }) ?? '', /同时填写纬度和经度/)
  assert.match(formProblem({ ...filled(), latitude: '91', longitude: '116' }) ?? '', /经纬度不正确/)
  assert.match(formProblem({ ...filled(), startsOn: '2000-01-01' }) ?? '', /不能早于今天/)
  assert.equal(formProblem(filled()), null)
})

test('the request carries trimmed text, the location only when given, and the confirmation', () => {
  const request = toRequest({ ...filled(), storeName: ' 三里屯店 ', latitude: '39.93', longitude: '116.45', exclusionNote: '  ' })
  assert.equal(request.storeName, '三里屯店')
  assert.deepEqual([request.latitude, request.longitude], [39.93, 116.45])
  assert.equal('exclusionNote' in request, false)
  assert.equal(request.confirmed, true)
  assert.equal(request.startsOn, chinaToday())
  const without = toRequest(filled())
  assert.equal('latitude' in without, false)
  assert.equal(without.days, 7, 'seven days unless the store promises more')
})
