import assert from 'node:assert/strict'
import { test } from 'node:test'
import { regionText } from '../../../../../src/contract/enterprise-rules'
import { coveringCodes, regionCodeOf, regionName } from '../regions'

test("the app's region text maps to the most specific GB/T 2260 code it names", () => {
  assert.equal(regionCodeOf('浙江省/杭州市/西湖区'), '330106')
  assert.equal(regionCodeOf('浙江省/杭州市'), '3301')
  assert.equal(regionCodeOf('浙江省'), '33')
  // Municipalities: the city level is skipped in the app, or repeated by the directory's regionText.
  assert.equal(regionCodeOf('北京市/朝阳区'), '110105')
  assert.equal(regionCodeOf(regionText({ province: '北京市', city: '北京市', district: '朝阳区' })), '110105')
  assert.equal(regionCodeOf('上海市/浦东新区'), '310115')
  // 朝阳区 also exists in 长春市: it is found only under the province named.
  assert.equal(regionCodeOf('吉林省/长春市/朝阳区'), '220104')
  // Short forms people type.
  assert.equal(regionCodeOf('浙江/杭州/西湖'), '330106')
})

test('unknown or partial text gives what can be placed, or null', () => {
  assert.equal(regionCodeOf('浙江省/不存在市/西湖区'), '330106')
  assert.equal(regionCodeOf('浙江省/不存在市'), '33')
  assert.equal(regionCodeOf('火星'), null)
  assert.equal(regionCodeOf(''), null)
  assert.equal(regionCodeOf(null), null)
})

test('covering codes run from the county up to the province; names come back from codes', () => {
  assert.deepEqual(coveringCodes('330106'), ['330106', '3301', '33'])
  assert.deepEqual(coveringCodes('33'), ['33'])
  assert.equal(regionName('330106'), '西湖区')
  assert.equal(regionName('3302'), '宁波市')
  assert.equal(regionName('999999'), null)
})
