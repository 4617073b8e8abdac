import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { StaffWarningSaveResponse, WarningDetail } from '../../../src/contract/warning'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { publish, WARNING_FIELDS } from './support/warnings'

const IMAGE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e'

describe(`warning bodies are reduced to a safe subset on the server (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.8.0.4')).accessToken
  })
  after(() => t.close())

  const preview = async (bodyHtml: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/staff/warnings/preview', headers: bearer(staff), payload: { bodyHtml } })
    assert.equal(response.statusCode, 200, response.body)
    return (response.json() as { bodyHtml: string }).bodyHtml
  }

  test('script and style tags go with their content', async () => {
    assert.equal(await preview('<p>提示<script>alert(1)</script></p><style>p{color:red}</style><SCRIPT src="https://x.cn/a.js"></SCRIPT>'), '<p>提示</p>')
  })

  test('event-handler attributes are removed from every tag', async () => {
    const html = await preview('<p onclick="steal()">一</p><img src="https://img.example.cn/a.jpg" onerror="steal()" onload="x()" alt="图"><strong onmouseover="x()">二</strong>')
    assert.equal(html, '<p>一</p><img src="https://img.example.cn/a.jpg" alt="图" /><strong>二</strong>')
    assert.doesNotMatch(html, /\bon\w+=/i)
  })

  test('javascript: and data: links and image sources are dropped, however they are spelled', async () => {
    const links = await preview(
      '<a href="javascript:alert(1)">一</a><a href=" JaVaScRiPt:alert(1)">二</a><a href="&#106;avascript:alert(1)">三</a><a href="java\tscript:alert(1)">四</a><a href="data:text/html;base64,PHNjcmlwdD4=">五</a>',
    )
    assert.equal(links, '<a>一</a><a>二</a><a>三</a><a>四</a><a>五</a>')
    const images = await preview('<img src="data:image/png;base64,iVBORw0KGgo="><img src="javascript:alert(1)"><img src="http://plain.example.cn/a.jpg"><img src="//cdn.example.cn/a.jpg">')
    assert.equal(images, '')
  })

  test('iframes, objects, embeds, svg and forms are removed', async () => {
    const html = await preview(
      '<iframe src="https://evil.example.cn">框</iframe><object data="x.swf">物</object><embed src="x.swf"><svg onload="x()"><script>1</script></svg><form action="https://x.cn"><input name="a"><button>提交</button></form><p>留下</p>',
    )
    assert.equal(html, '提交<p>留下</p>')
  })

  test('the allowed subset survives: headings, lists, tables with spans, https and own images, safe links', async () => {
    const html =
      '<h3>标题</h3><h4>小标题</h4><p>段落<br />换行<strong>加粗</strong><b>粗</b><em>斜</em></p><ul><li>一</li></ul><ol><li>二</li></ol>' +
      '<table><thead><tr><th colspan="2">样品</th></tr></thead><tbody><tr><td rowspan="2">A</td><td>B</td></tr></tbody></table>' +
      `<img src="/api/warning-images/${IMAGE_ID}" alt="图" width="640" height="480" /><a href="https://www.12315.cn/">12315</a>`
    assert.equal(
      await preview(html),
      '<h3>标题</h3><h4>小标题</h4><p>段落<br />换行<strong>加粗</strong><strong>粗</strong><em>斜</em></p><ul><li>一</li></ul><ol><li>二</li></ol>' +
        '<table><thead><tr><th colspan="2">样品</th></tr></thead><tbody><tr><td rowspan="2">A</td><td>B</td></tr></tbody></table>' +
        `<img src="/api/warning-images/${IMAGE_ID}" alt="图" width="640" height="480" /><a href="https://www.12315.cn/" rel="noopener noreferrer">12315</a>`,
    )
  })

  test('style and class attributes, odd sizes and other tags are dropped; their text stays', async () => {
    assert.equal(
      await preview('<div class="x" style="font-size:40px"><span>文字</span></div><td colspan="999">格</td><img src="https://a.cn/b.jpg" width="100%">'),
      '文字<td>格</td><img src="https://a.cn/b.jpg" />',
    )
  })

  test('what is saved and what the public reads is the sanitized body', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff/warnings',
      headers: bearer(staff),
      payload: { ...WARNING_FIELDS, bodyHtml: '<p onclick="x()">正文<script>alert(1)</script></p><iframe src="https://x.cn"></iframe>' },
    })
    assert.equal(created.statusCode, 201, created.body)
    const saved = created.json() as StaffWarningSaveResponse
    assert.equal(saved.sanitizedHtml, '<p>正文</p>')
    assert.equal(saved.warning.bodyHtml, '<p>正文</p>')
    await publish(t, staff, saved.warning.id)
    const detail = (await t.app.inject({ url: `/api/warnings/${saved.warning.id}` })).json() as WarningDetail
    assert.equal(detail.bodyHtml, '<p>正文</p>')
  })

  test('a body that is nothing but removed content is refused in Chinese', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/warnings',
      headers: bearer(staff),
      payload: { ...WARNING_FIELDS, bodyHtml: '<script>alert(1)</script><iframe></iframe>' },
    })
    assert.equal(response.statusCode, 400)
    assert.equal(response.json().code, 'WARNING_BODY_EMPTY')
    assert.match(response.json().message, /正文不能为空/)
  })
})
