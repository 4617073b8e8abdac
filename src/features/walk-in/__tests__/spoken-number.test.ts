import assert from 'node:assert/strict'
import { test } from 'node:test'
import { spokenNumber } from '../components/spoken-number'

test('a complaint number is grouped for reading out at the counter', () => {
  assert.equal(spokenNumber('WQ20261204000123'), 'WQ 2026 1204 000123')
  // Anything unexpected is shown as it is rather than mangled.
  assert.equal(spokenNumber('X-1'), 'X-1')
})
