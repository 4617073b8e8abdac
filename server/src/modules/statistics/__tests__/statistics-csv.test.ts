import assert from 'node:assert/strict'
import { test } from 'node:test'
import { csvCell } from '../statistics-csv'

test('cells that Excel would run as a formula get a leading apostrophe', () => {
  assert.equal(csvCell('=1+1'), "'=1+1")
  assert.equal(csvCell('+86 138'), "'+86 138")
  assert.equal(csvCell('-5'), "'-5")
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)")
  assert.equal(csvCell('\tcmd'), "'\tcmd")
  assert.equal(csvCell('示例超市'), '示例超市')
})

test('commas, quotes and newlines are quoted; empty values stay empty', () => {
  assert.equal(csvCell('a,b'), '"a,b"')
  assert.equal(csvCell('说 "好"'), '"说 ""好"""')
  assert.equal(csvCell('一\n二'), '"一\n二"')
  assert.equal(csvCell('=a,b'), `"'=a,b"`)
  assert.equal(csvCell(null), '')
  assert.equal(csvCell(5), '5')
})
