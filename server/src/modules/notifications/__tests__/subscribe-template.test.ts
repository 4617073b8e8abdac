import assert from 'node:assert/strict'
import { test } from 'node:test'
import { characterString, phrase, subscribePage, thing, wechatTime } from '../subscribe-template'

// WeChat refuses the whole message (47003) when one value breaks its rule, so each is cut to fit.
test('thing: at most 20 characters, counted as people see them, one line', () => {
  assert.equal(thing('商家提出了处理方案'), '商家提出了处理方案')
  const long = thing('示例优选超市有限公司（WQ20261124000001）：商家提出处理方案')
  assert.equal([...long].length, 20)
  assert.ok(long.endsWith('…'))
  assert.equal([...thing('😀'.repeat(30))].length, 20, 'emoji are one character each, never split in half')
  assert.equal(thing('第一行\n第二行'), '第一行 第二行')
  assert.equal(thing('   '), '-')
})

test('character_string: letters, digits and symbols only, ≤ 32', () => {
  assert.equal(characterString('WQ20261124000001'), 'WQ20261124000001')
  assert.equal(characterString('编号WQ1'), 'WQ1')
  assert.equal(characterString('x'.repeat(40)).length, 32)
})

test('phrase: ≤ 5 Chinese characters and nothing else', () => {
  assert.equal(phrase('商家答复'), '商家答复')
  assert.equal(phrase('商家处理方案'), '商家处理方')
  assert.equal(phrase('OK 已受理!'), '已受理')
})

test('time: YYYY年MM月DD日 HH:mm in Beijing time', () => {
  assert.equal(wechatTime('2026-11-23T16:05:00.000Z'), '2026年11月24日 00:05')
})

test('page: a mini-program path without the leading slash', () => {
  assert.equal(subscribePage('/packages/complaint/pages/detail/index?id=c1'), 'packages/complaint/pages/detail/index?id=c1')
  assert.equal(subscribePage(null), 'pages/messages/index')
})
