import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import webpack from 'webpack'
import devConfig from './dev'
import { PrecacheShellPlugin } from './precache-shell'
import { PreloadPagePlugin } from './preload-page'
import prodConfig from './prod'

/**
 * H5 turns design px into rem (1rem = 40 design px) and Taro's stock index.html script sets
 * `html { font-size }` in absolute px from the screen width (20.8px on a 390 px phone), so the
 * browser's text-size setting never reaches the page. This is the same width-based size, clamped
 * the same way (20–40 px at the browser's default 16 px), written as a percentage of the browser's
 * default font size instead: a reader who doubles it gets every rem doubled, text and the boxes
 * around it together, which is the layout page zoom 200 % gives (a 195 px wide page at 20 px),
 * so one layout serves both (the tab bar and title bar are resized in rem in app.css).
 * Measured from the viewport (clientWidth/clientHeight), not the <html> box as Taro's script does: that
 * box is the content's, 8 px high before the app draws, so the root font changed after the first paint
 * and every page grew 4 % (a layout shift on 首页).
 * NOTE: @tarojs/webpack5-runner H5WebpackPlugin.getHtmlWebpackPlugin merges htmlPluginOption over
 * its own { script }; `%` on the root element resolves against `medium`, the user's default size.
 */
const rootFontSizeScript =
  '!function(n){var e=n.document.documentElement;function f(){' +
  'var s=[e.clientWidth,e.clientHeight].filter(Boolean),w=Math.min.apply(Math,s),x=Math.min(40,Math.max(20,40*w/750));' +
  'e.style.fontSize=x/16*100+"%"}n.addEventListener("resize",function(){f();setTimeout(f,500)});f()}(window);'

interface PluginChain {
  plugin(name: string): { use(plugin: unknown, args: unknown[]): void }
}

interface H5Chain {
  resolve: { alias: { set(name: string, value: string): void } }
  module: { rule(name: string): { test(re: RegExp): { set(key: 'sideEffects', value: boolean): unknown } } }
  optimization: { merge(options: object): void }
}

/**
 * H5: one module per Taro component (config/h5-components) instead of Taro's single React entry, and the
 * components and their runtime that several pages use go into shared chunks (Taro splits only the
 * initial chunks, so every page chunk carried its own copy, ~35 KB gzip each).
 */
function splitTaroComponents(chain: H5Chain) {
  const components = path.resolve(__dirname, 'h5-components')
  chain.resolve.alias.set('@tarojs/components$', path.join(components, 'index.js'))
  // Lets webpack skip the re-exporting index and link each import to its component's module.
  chain.module.rule('h5-components-index').test(/[\\/]config[\\/]h5-components[\\/]index\.js$/).set('sideEffects', false)
  chain.optimization.merge({
    splitChunks: {
      cacheGroups: {
        taroComponents: {
          chunks: 'async',
          test: /[\\/](node_modules[\\/](@tarojs[\\/]components|@stencil|hammerjs)|config[\\/]h5-components)[\\/]/,
          minChunks: 2,
          priority: 200,
          reuseExistingChunk: true,
        },
      },
    },
  })
}

// https://docs.taro.zone/docs/next/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const isWeapp = process.env.TARO_ENV === 'weapp'
  const dropAxiosFetchAdapter = (chain: PluginChain) =>
    chain
      .plugin('drop-axios-fetch-adapter')
      .use(webpack.NormalModuleReplacementPlugin, [
        /axios[\\/]lib[\\/]adapters[\\/]fetch\.js$/,
        path.resolve(__dirname, 'stubs/axios-fetch-adapter.js'),
      ])
  // `npm start` (scripts/h5-build.mjs) sets this to show a percentage while the first build runs.
  const reportProgress = (chain: PluginChain) => {
    if (!process.env.WEIQUAN_BUILD_PROGRESS) return
    let last = ''
    chain.plugin('weiquan-progress').use(webpack.ProgressPlugin, [
      (fraction: number, stage: string, ...details: string[]) => {
        // Minifying (terser) is one long step at 92 %: it is named so that the wait is explained.
        const step = details.some((d) => /terser|asset processing/i.test(d)) ? 'minify' : stage.split(' ')[0] || (fraction >= 1 ? 'done' : 'build')
        const line = `${process.env.WEIQUAN_BUILD_PROGRESS} ${Math.floor(fraction * 100)} ${step}`
        if (line === last) return
        last = line
        process.stdout.write(`\n${line}\n`)
      },
    ])
  }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'weiquan',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-http', path.resolve(__dirname, 'weapp-page-meta.js'), path.resolve(__dirname, 'weapp-wxml-compact.js')],
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {
      // NOTE: weapp resolves relative request URLs against a fake origin, so it needs an absolute base.
      // H5 is served by the API server itself and uses its own origin when this is empty.
      API_BASE_URL: JSON.stringify(process.env.TARO_APP_API_BASE || (isWeapp ? 'http://127.0.0.1:3000' : '')),
    },
    copy: {
      // NOTE: Taro does not emit sitemap.json by itself.
      patterns: isWeapp ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
      options: {},
    },
    // NOTE: Taro minifies mini-program code with ascii_only, writing every Chinese character as a
    // six-byte \uXXXX escape; WeChat reads its JS as UTF-8, and plain characters keep ~6 KB out of the
    // main package alone.
    terser: { enable: true, config: isWeapp ? { output: { ascii_only: false } } : {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      webpackChain: dropAxiosFetchAdapter,
      postcss: {
        // Mini-program styles run only in WeChat's own web views (WKWebView on iOS; on Android the Chromium-based
        // XWeb, before it Tencent's X5 kernel, Chromium 37 and later), never in IE/Edge or an old Android browser:
        // the package.json browserslist (for H5) added -ms- and flexbox -webkit- prefixes that no WeChat client reads
        // (~3 KB of the main package's WXSS). iOS 9 and Chrome 37 are older than the WeChat versions that run current
        // base libraries (not checked against an official statement, hence this margin); prefixes those need stay
        // (e.g. -webkit-sticky, -webkit-animation).
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['iOS >= 9', 'Chrome >= 37'] } },
        pxtransform: { enable: true, config: {} },
        // Text in rem, following WeChat's font size.
        [path.resolve(__dirname, 'postcss-rem-text.js')]: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      webpackChain(chain: PluginChain & H5Chain) {
        dropAxiosFetchAdapter(chain)
        reportProgress(chain)
        splitTaroComponents(chain)
        chain.plugin('preload-page').use(PreloadPagePlugin, [{ home: 'pages/home/index' }])
        // The service worker sits at the site root (its scope) under a fixed name, with the build's file list.
        // Staff and enterprise pages are left out: they are used at a desk with a network, and every phone
        // would download them at install for nothing.
        chain.plugin('precache-shell').use(PrecacheShellPlugin, [
          { worker: path.resolve(__dirname, '..', 'src', 'sw.js'), skipPages: /(^|\/)packages\/(staff|staff-volunteers|staff-warnings|enterprise|groups)\/pages\// },
        ])
      },
      // Replaces Taro's root font-size script (same width-based size, see rootFontSizeScript).
      htmlPluginOption: { script: rootFontSizeScript },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig)
})
