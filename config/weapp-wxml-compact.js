/**
 * Weapp only: the templates Taro writes (base.wxml, comp.wxml, every page's wxml) are indented, one
 * attribute-heavy tag per line; the indentation alone is ~1.8 KB of base.wxml, which sits in the main package.
 * Whitespace that contains a line break between two tags is removed. Taro's own `mini.minifyXML` would do the
 * same with html-minifier, but that drops `</input>` (a void element in HTML) and WeChat's compiler rejects
 * the template. Text inside templates is bound data ({{i.v}}), never written here, so no visible text changes.
 */
const { sources } = require('webpack')

module.exports = (ctx) => {
  ctx.modifyBuildAssets(({ assets }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    for (const name of Object.keys(assets)) {
      if (!name.endsWith('.wxml')) continue
      const wxml = assets[name].source().toString()
      const compact = wxml.replace(/>[ \t]*\r?\n\s*</g, '><').trim()
      if (compact !== wxml) assets[name] = new sources.RawSource(compact)
    }
  })
}
