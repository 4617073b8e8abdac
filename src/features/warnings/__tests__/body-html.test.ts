import assert from 'node:assert/strict'
import { test } from 'node:test'
import { styledBodyHtml } from '../components/body-html'

test('paragraphs get the body size (17 px at the default text size, following the reader\'s) and a line height of at least 1.6', () => {
  const out = styledBodyHtml('<p>预付卡<strong>先别充</strong></p>')
  const size = Number(/font-size:([\d.]+)em/.exec(out)?.[1])
  const lineHeight = Number(/line-height:([\d.]+)/.exec(out)?.[1])
  assert.ok(size >= 1, out)
  assert.doesNotMatch(out, /font-size:[\d.]+px/, 'a fixed px size would ignore the reader\'s text size')
  assert.ok(lineHeight >= 1.6, out)
  assert.match(out, /<strong style="[^"]*font-weight:700/)
})

test('a table is wrapped in a box that scrolls sideways, and its cells keep their attributes', () => {
  const out = styledBodyHtml('<table><tr><th colspan="2">品牌</th></tr><tr><td>A</td><td>B</td></tr></table><p>后</p>')
  assert.match(out, /^<div tabindex="0" style="overflow-x:auto[^"]*"><table style="[^"]*">/)
  assert.match(out, /<\/table><\/div><p style=/)
  assert.match(out, /<th colspan="2" style="/)
})

test('images fit the screen, self-closing tags stay valid, unknown tags are left alone', () => {
  const out = styledBodyHtml('<img src="/api/files?k=1" alt="图" /><br><span>x</span>')
  assert.match(out, /<img src="\/api\/files\?k=1" alt="图" style="[^"]*max-width:100%[^"]*" \/>/)
  assert.match(out, /<br><span>x<\/span>$/)
})
