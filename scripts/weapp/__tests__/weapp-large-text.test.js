/**
 * Large text on weapp: every page of the built mini-program (dist/weapp) starts with
 * <page-meta root-font-size="system">, which makes 1rem the user's WeChat font size (我-设置-通用-字体大小,
 * 关怀模式), and the main screens size their text in rem only, so all of it follows that setting.
 * Run: npx jest -c jest.weapp.config.js (after npx taro build --type weapp)
 * @jest-environment jsdom
 */
const fs = require('fs')
const path = require('path')
const { mountPage, unmountAll } = require('./taro-simulate.cjs')

const ROOT = process.env.WEAPP_DIR
const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8')
const app = JSON.parse(read('app.json'))
const allPages = [
  ...app.pages,
  ...(app.subPackages || app.subpackages || []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
]

/** The page's first rendered node: <import>/<wxs> render nothing and may come before it. */
function firstNode(wxml) {
  const rest = wxml.replace(/^(\s*<(import|wxs)\b[^>]*\/>|\s*<wxs\b[^>]*>[\s\S]*?<\/wxs>)*\s*/, '')
  return rest.match(/^<[^>]*>/)?.[0] || ''
}

/** A wxss file with every file it @imports (common chunks, shared feature styles); none if absent. */
function wxssWithImports(rel, seen = new Set()) {
  if (seen.has(rel) || !fs.existsSync(path.join(ROOT, rel))) return ''
  seen.add(rel)
  const css = read(rel)
  let out = `/* ${rel} */\n${css}`
  for (const [, imp] of css.matchAll(/@import\s+["']([^"']+)["']/g)) {
    const next = imp.startsWith('/') ? imp.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(rel), imp))
    out += wxssWithImports(next, seen)
  }
  return out
}

/** Every font-size in px or rpx, and every such line-height of a rule that sets a font-size (except
 * in a box of fixed height, where it centres one glyph). */
function fixedTextSizes(css) {
  const found = []
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const sizes = [...body.matchAll(/(font-size|line-height)\s*:\s*([^;}]+)/gi)]
    if (!sizes.some(([, prop]) => prop.toLowerCase() === 'font-size')) continue
    const fixedBox = /(^|;)\s*height\s*:/i.test(body)
    for (const [, prop, value] of sizes) {
      if (prop.toLowerCase() === 'line-height' && fixedBox) continue
      if (/\d(r?px)\b/i.test(value)) found.push(`${selector.trim()} { ${prop}: ${value} }`)
    }
  }
  return found
}

const MAIN_SCREENS = {
  首页: 'pages/home/index',
  消息: 'pages/messages/index',
  '投诉·商家': 'packages/complaint/pages/business/index',
  '投诉·经过': 'packages/complaint/pages/facts/index',
  '投诉·照片': 'packages/complaint/pages/photos/index',
  '投诉·联系方式': 'packages/complaint/pages/contact/index',
  '投诉·核对': 'packages/complaint/pages/review/index',
  '投诉·结果': 'packages/complaint/pages/result/index',
  投诉详情: 'packages/complaint/pages/detail/index',
  消费警示: 'packages/warnings/pages/list/index',
}

afterEach(() => unmountAll())

describe('weapp text follows the WeChat font size', () => {
  test('every page starts with <page-meta root-font-size="system" page-font-size="system">', () => {
    expect(allPages.length).toBeGreaterThan(20)
    const missing = allPages.filter((page) => {
      const node = firstNode(read(`${page}.wxml`))
      return !(/^<page-meta\b/.test(node) && /\sroot-font-size="system"/.test(node) && /\spage-font-size="system"/.test(node))
    })
    expect(missing).toEqual([])
  })

  test.each(Object.entries(MAIN_SCREENS))('%s sizes all its text in rem (no px/rpx font-size)', (name, page) => {
    // app.wxss (and what it imports) styles every page; 消息 has no page wxss of its own.
    const css = wxssWithImports('app.wxss') + wxssWithImports(`${page}.wxss`)
    expect(css).toMatch(/font-size\s*:/)
    expect(fixedTextSizes(css)).toEqual([])
  })

  test('no stylesheet of the build, subpackages included, sizes text in px/rpx', () => {
    const files = []
    ;(function walk(dir) {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, e.name)
        if (e.isDirectory()) walk(rel)
        else if (rel.endsWith('.wxss')) files.push(rel)
      }
    })('')
    expect(files.length).toBeGreaterThan(20)
    expect(files.flatMap((f) => fixedTextSizes(read(f)).map((d) => `${f}: ${d}`))).toEqual([])
  })

  test('at the standard WeChat size (16 px) 首页 text keeps its size: 48 design px title = 1.5rem', () => {
    // 750 design px = the 375 px reference screen, so 48 design px were 24 px = 1.5 × 16 px.
    const css = wxssWithImports('pages/home/index.wxss')
    expect(css).toMatch(/\.home__title\{[^}]*font-size:1\.5rem/)
    expect(css).toMatch(/\.home__subtitle\{[^}]*font-size:1rem/)
  })

  test('首页 renders with the page-meta node first and its content after it', async () => {
    const p = await mountPage('pages/home/index')
    await p.waitForText('我要投诉')
    const [first, second] = p.page.dom.children
    expect(first.tagName.toLowerCase()).toBe('wx-page-meta')
    expect(second.textContent).toContain('维权通')
  })
})
