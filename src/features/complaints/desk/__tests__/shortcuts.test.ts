import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { shortcutFor, type KeyPress } from '../shortcuts'

const press = (key: string, fields: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  typing: false,
  onControl: false,
  ...fields,
})

describe('desk keyboard shortcuts', () => {
  test('j/k and the arrows move, Enter opens, / searches, ? helps, letters act', () => {
    assert.deepEqual(shortcutFor(press('j')), { kind: 'move', by: 1 })
    assert.deepEqual(shortcutFor(press('ArrowUp')), { kind: 'move', by: -1 })
    assert.deepEqual(shortcutFor(press('Enter')), { kind: 'open' })
    assert.deepEqual(shortcutFor(press('/')), { kind: 'search' })
    assert.deepEqual(shortcutFor(press('?')), { kind: 'help' })
    assert.deepEqual(shortcutFor(press('a')), { kind: 'action', action: 'accept', label: '受理' })
    assert.deepEqual(shortcutFor(press('m')), { kind: 'action', action: 'note', label: '记录调解情况' })
    assert.equal(shortcutFor(press('z')), null)
  })

  test('nothing fires while typing, except Escape and Ctrl+Enter', () => {
    for (const key of ['j', 'a', '/', '?', 'Enter', 'ArrowDown']) assert.equal(shortcutFor(press(key, { typing: true })), null, key)
    assert.deepEqual(shortcutFor(press('Escape', { typing: true })), { kind: 'escape' })
    assert.deepEqual(shortcutFor(press('Enter', { typing: true, ctrlKey: true })), { kind: 'submit' })
    assert.equal(shortcutFor(press('a', { isComposing: true })), null, 'a pinyin IME is composing')
  })

  test('Enter on a button is the button’s; browser shortcuts are left alone', () => {
    assert.equal(shortcutFor(press('Enter', { onControl: true })), null)
    assert.equal(shortcutFor(press('a', { ctrlKey: true })), null)
    assert.equal(shortcutFor(press('k', { metaKey: true })), null)
  })
})
