/**
 * Weapp only: every page's wxml starts with
 *   <page-meta root-font-size="system" page-font-size="system"/>
 * so 1rem (all text sizes, see postcss-rem-text.js) and the page's own font size are the user's
 * WeChat font size (我-设置-通用-字体大小, 关怀模式). Written into the compiled template rather than
 * through Taro's <PageMeta> component: that needs enablePageMeta per page, ships runtime data for
 * every attribute and adds a <navigation-bar> bound to empty values; this is one static node.
 */
const { sources } = require('webpack')

const PAGE_META = '<page-meta root-font-size="system" page-font-size="system"/>'

module.exports = (ctx) => {
  ctx.modifyBuildAssets(({ assets, miniPlugin }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    for (const page of miniPlugin.pages) {
      const name = `${page.name}.wxml`
      if (!assets[name]) continue
      const wxml = assets[name].source().toString()
      if (wxml.includes('<page-meta')) continue
      // page-meta must be the first node; <import> renders nothing and stays first.
      const at = wxml.startsWith('<import') ? wxml.indexOf('/>') + 2 : 0
      assets[name] = new sources.RawSource(wxml.slice(0, at) + PAGE_META + wxml.slice(at))
    }
  })
}
