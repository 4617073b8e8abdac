import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatDuration, formatRate, regionText } from '../enterprise-rules'

test('durations read in minutes, hours under two days, then days', () => {
  assert.equal(formatDuration(0.25), '15 分钟')
  assert.equal(formatDuration(7), '7 小时')
  assert.equal(formatDuration(5.25), '5.3 小时')
  assert.equal(formatDuration(72), '3 天')
})

test('rates are whole percents', () => {
  assert.equal(formatRate(0.5), '50%')
  assert.equal(formatRate(2 / 3), '67%')
})

test('a municipality is named once', () => {
  assert.equal(regionText({ province: '北京市', city: '北京市', district: '海淀区' }), '北京市/海淀区')
  assert.equal(regionText({ province: '广东省', city: '深圳市', district: null }), '广东省/深圳市')
})
