/**
 * Mount pages of the built Taro weapp (dist/weapp) in miniprogram-simulate (j-component + WeChat's wcc).
 * Adapted from the taro-page recipe. Not a test file itself (jest only runs *.test.js / *.test.cjs).
 *
 * - Taro pages call Page(), which the simulator lacks: Page options are registered as a Component.
 * - Each mountPage() loads app.js + the page in a fresh jest module registry (jest.isolateModules) after
 *   deleting wx.webpackJsonp, so every page gets its own Taro runtime, React tree and zustand store.
 *   Both are needed: simulate's `delete require.cache[...]` does nothing under jest, so without
 *   isolateModules a second app.js is never re-run (App() is not called again); and a new webpack runtime
 *   replays every chunk already in wx.webpackJsonp, re-running the previous page's Page()/Component() outside
 *   simulate.load ("Cannot read properties of null (reading 'pathToIdMap')").
 * - wx storage is an in-memory map per mount (simulate's wx.getStorageSync always returns '' and
 *   wx.setStorageSync does nothing). The zustand session store hydrates from it when app.js loads.
 * - wx.request / navigateTo / switchTab / showToast / ... are jest.fn spies; requests never leave the
 *   process: the test answers them with `respond(opts)` (default: a network failure).
 * - Further wx APIs (chooseMedia, uploadFile, getFileSystemManager, env …) are passed as `wx` to
 *   mountPage. They must be on `wx` before app.js runs: Taro wraps only the APIs it finds at start-up
 *   and makes every other one "not supported" (see weapp-filing.test.js and wx-photo-mocks.cjs).
 */
const fs = require('fs')
const path = require('path')
const simulate = require('miniprogram-simulate')

const ROOT = path.resolve(process.env.WEAPP_DIR || 'dist/weapp')
if (!fs.existsSync(path.join(ROOT, 'app.js'))) {
  throw new Error(`${ROOT}/app.js not found: build the mini-program first (npx taro build --type weapp)`)
}
const mounted = new Set()

/**
 * A network failure answered by `respond` returning null makes wx.request call `fail`. Taro's
 * promisified request then rejects, and @tarojs/plugin-http's XMLHttpRequest (which uses only the
 * callbacks) never handles that promise: on a phone a console warning, under jest a failed test.
 * While pages are mounted, exactly those rejections ({ errMsg: 'request:fail …' }) are ignored.
 * jest-circus listens on the real process, which the test sandbox's `process` is not: vm's
 * runInThisContext evaluates in Node's own context and so reaches it.
 */
let restoreRejections = null
function tolerateRequestFailures() {
  if (restoreRejections) return
  const process = require('vm').runInThisContext('process')
  const previous = process.listeners('unhandledRejection')
  const filter = (reason, promise) => {
    if (reason && typeof reason.errMsg === 'string' && reason.errMsg.startsWith('request:fail')) return
    for (const listener of previous) listener(reason, promise)
  }
  process.removeAllListeners('unhandledRejection')
  process.on('unhandledRejection', filter)
  restoreRejections = () => {
    process.removeListener('unhandledRejection', filter)
    for (const listener of previous) process.on('unhandledRejection', listener)
    restoreRejections = null
  }
}

/** wx.* calls made by the page, mocked with success callbacks (Taro promisifies them). */
const ASYNC_APIS = {
  navigateTo: () => ({ errMsg: 'navigateTo:ok' }),
  redirectTo: () => ({ errMsg: 'redirectTo:ok' }),
  switchTab: () => ({ errMsg: 'switchTab:ok' }),
  reLaunch: () => ({ errMsg: 'reLaunch:ok' }),
  navigateBack: () => ({ errMsg: 'navigateBack:ok' }),
  showToast: () => ({ errMsg: 'showToast:ok' }),
  hideToast: () => ({ errMsg: 'hideToast:ok' }),
  showLoading: () => ({ errMsg: 'showLoading:ok' }),
  hideLoading: () => ({ errMsg: 'hideLoading:ok' }),
  showModal: () => ({ errMsg: 'showModal:ok', confirm: false, cancel: true }),
  login: () => ({ errMsg: 'login:ok', code: 'test-wx-code' }),
}

function installWx({ storage, respond, wx: extra }, net) {
  const store = new Map(Object.entries(storage || {}))
  Object.assign(global.wx, {
    getStorageSync: jest.fn((key) => (store.has(key) ? store.get(key) : '')),
    setStorageSync: jest.fn((key, value) => void store.set(key, value)),
    removeStorageSync: jest.fn((key) => void store.delete(key)),
    clearStorageSync: jest.fn(() => store.clear()),
  })
  for (const [name, result] of Object.entries(ASYNC_APIS)) {
    global.wx[name] = jest.fn((opts = {}) => {
      const res = result(opts)
      Promise.resolve().then(() => {
        opts.success?.(res)
        opts.complete?.(res)
      })
    })
  }
  // a test's own mocks last, so they may also replace the defaults above (e.g. showModal → confirm)
  Object.assign(global.wx, extra || {})
  // wx.request as used by @tarojs/plugin-http (axios -> XMLHttpRequest polyfill -> Taro.request -> wx.request)
  global.wx.request = jest.fn((opts) => {
    net.pending++
    setTimeout(() => {
      net.pending--
      const r = respond ? respond(opts) : null
      if (!r) {
        const err = { errMsg: 'request:fail offline (test)' }
        opts.fail?.(err)
        opts.complete?.(err)
        return
      }
      const data = typeof r.data === 'string' ? r.data : JSON.stringify(r.data ?? {})
      const res = { statusCode: r.statusCode ?? 200, data, header: { 'content-type': 'application/json', ...r.header }, errMsg: 'request:ok' }
      opts.success?.(res)
      opts.complete?.(res)
    }, 0)
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} }
  })
  return store
}

/** Visible text of the rendered page (what a user would read). */
function textOf(dom) {
  return dom.textContent.replace(/\s+/g, ' ').trim()
}

/**
 * Load app.js + one page from dist/weapp and run its lifecycle (onLoad, onShow, onReady).
 * @param {string} route e.g. 'pages/home/index'
 * @param {{ storage?: Record<string, unknown>, respond?: (opts) => ({statusCode?, data?, header?}|null), query?: object, wx?: object }} options
 */
async function mountPage(route, { storage, respond, query = {}, wx } = {}) {
  // A new Taro runtime per page: forget the previous one's webpack chunks and app instance.
  delete global.wx.webpackJsonp
  const net = { pending: 0 }
  tolerateRequestFailures()
  const store = installWx({ storage, respond, wx }, net)
  let appInst = null
  const stack = []
  global.App = (opts) => { appInst = opts }
  global.getApp = () => appInst
  global.getCurrentPages = () => stack
  // Taro pages call Page(); simulate only knows Component(): register the page options as a component.
  global.Page = (opts) => {
    const methods = {}
    for (const k of Object.keys(opts)) if (typeof opts[k] === 'function') methods[k] = opts[k]
    global.Component({ data: opts.data || {}, methods })
  }

  let id
  jest.isolateModules(() => {
    require(path.join(ROOT, 'app.js'))
    if (!appInst) throw new Error('app.js did not call App()')
    appInst.onLaunch?.({ path: route, query, scene: 1001 })
    id = simulate.load(path.join(ROOT, route), { rootPath: ROOT })
  })
  appInst.onShow?.({ path: route, query, scene: 1001 })

  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  const inst = page.instance
  inst.route = route
  stack.push(inst)
  inst.onLoad(query)
  inst.onShow?.()
  inst.onReady?.()

  const api = {
    route,
    page,
    wx: global.wx,
    storage: store,
    text: () => textOf(page.dom),
    /** Wait until the page text contains `expected` (string or RegExp). */
    async waitForText(expected, timeout = 2000) {
      const match = () => (typeof expected === 'string' ? api.text().includes(expected) : expected.test(api.text()))
      const t0 = Date.now()
      while (!match()) {
        if (Date.now() - t0 > timeout) throw new Error(`text ${expected} not shown within ${timeout} ms; page text: ${api.text()}`)
        await simulate.sleep(10)
      }
    },
    /** Wait until `predicate()` is truthy. */
    async waitFor(predicate, timeout = 2000, what = 'condition') {
      const t0 = Date.now()
      while (!predicate()) {
        if (Date.now() - t0 > timeout) throw new Error(`${what} not met within ${timeout} ms; page text: ${api.text()}`)
        await simulate.sleep(10)
      }
    },
    /** Wait until every wx.request has been answered, then let promise chains and setData settle. */
    async settle(ms = 50) {
      await api.waitFor(() => net.pending === 0, 2000, 'all wx.request answered')
      await simulate.sleep(ms)
    },
    /** Rendered elements (wx-*) of a tag whose visible text contains `text`, deepest first. */
    findAll(tag, text) {
      const all = [...page.dom.querySelectorAll(tag)].filter((el) => text === undefined || textOf(el).includes(text))
      return all.filter((el) => !all.some((other) => other !== el && el.contains(other)))
    },
    find(tag, text) {
      const [el] = api.findAll(tag, text)
      if (!el) throw new Error(`no <${tag}> with text "${text}"; page text: ${api.text()}`)
      return el
    },
    /** Fire a mini-program event on a rendered element through j-component (reaches Taro's `eh`). */
    dispatch(el, type, detail = {}) {
      const sid = el.getAttribute('data-sid')
      if (!sid) throw new Error(`element <${el.tagName.toLowerCase()}> has no data-sid`)
      const target = page.querySelector('#' + sid)
      if (!target) throw new Error(`j-component has no node #${sid}`)
      target.dispatchEvent(type, { detail, touches: [], changedTouches: [] })
    },
    tap(el) {
      api.dispatch(el, 'tap')
    },
    /**
     * Type into an <Input>: the mini-program `input` event carries { value }. Resolves once React has
     * re-rendered and Taro has sent the new value to the page data (so a following tap sees it).
     */
    async input(el, value) {
      api.dispatch(el, 'input', { value, cursor: value.length, keyCode: 0 })
      const sent = () => JSON.stringify(inst.data).includes(JSON.stringify(String(value)))
      await api.waitFor(sent, 2000, `input value ${value} in page data`)
    },
    unmount() {
      if (!mounted.delete(api)) return
      try { inst.onUnload?.() } finally { page.detach() }
    },
  }
  mounted.add(api)
  return api
}

/** Unmount every page still mounted (call from afterEach so a failed test does not leak timers). */
function unmountAll() {
  for (const p of [...mounted]) p.unmount()
  restoreRejections?.()
}

/** Storage content of a signed-in session, as the app's zustand `persist` writes it. */
function sessionStorage(user, { accessToken = 'test-access-token', refreshToken = 'test-refresh-token' } = {}) {
  return { 'weiquan-session': JSON.stringify({ state: { accessToken, refreshToken, user }, version: 0 }) }
}

module.exports = { ROOT, mountPage, unmountAll, sessionStorage, textOf }
