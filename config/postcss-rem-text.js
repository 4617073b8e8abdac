/**
 * Weapp only: text sizes in rem, so that they follow WeChat's font size (each page's
 * <page-meta root-font-size="system">, see weapp-page-meta.js, sets 1rem to the user's setting).
 * Design px (750 = the screen width) arrive as `px`, or as `rpx` if pxtransform has run first.
 * 1rem = 32 design px: WeChat's standard font size (fontSizeSetting) is 16 px, and on the 375 px
 * wide reference phone 32 design px are 16 px, so at the standard setting text keeps its size.
 * Real px (written PX, which pxtransform keeps) are 2 design px each.
 * A px line-height beside a font-size is the text's line box and scales with it, unless the rule
 * also fixes a height: then it centres a glyph in that box (the round marks) and is left alone.
 */
const DESIGN_PX_PER_REM = 32

const toRem = (value) =>
  value.replace(/(-?\d*\.?\d+)(rpx|px|PX|Px|pX)\b/g, (_, n, unit) => {
    const designPx = Number(n) * (unit === 'rpx' || unit === 'px' ? 1 : 2)
    return `${Number((designPx / DESIGN_PX_PER_REM).toFixed(3))}rem`
  })

module.exports = () => ({
  postcssPlugin: 'weiquan-rem-text',
  Rule(rule) {
    let hasFontSize = false
    rule.walkDecls(/^font-size$/i, (decl) => {
      hasFontSize = true
      decl.value = toRem(decl.value)
    })
    let fixedHeight = false
    rule.walkDecls(/^height$/i, () => {
      fixedHeight = true
    })
    if (!hasFontSize || fixedHeight) return
    rule.walkDecls(/^line-height$/i, (decl) => {
      decl.value = toRem(decl.value)
    })
  },
})
module.exports.postcss = true
