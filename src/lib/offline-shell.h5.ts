import Taro from '@tarojs/taro'
import { whenIdle } from './when-idle'

let started = false
let explaining = false

/**
 * At launch: once the first screen is up, registers /sw.js, which saves the shell and the code of every
 * consumer and volunteer page (src/sw.js), so pages never opened before still open without a network;
 * and when a page's code cannot be loaded all the same, says so in Chinese instead of ignoring the tap.
 */
export function keepShellOffline(): void {
  if (started) return
  started = true
  window.addEventListener('unhandledrejection', (event) => {
    if (!isPageCodeFailure(event.reason)) return
    event.preventDefault()
    explainPageFailure()
  })
  // NOTE: no service worker without a secure context (https, or http on localhost); see README 手机上使用.
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return
  whenIdle(() => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  })
}

/** webpack's error for a page's script, or mini-css-extract-plugin's for its style, that did not arrive. */
function isPageCodeFailure(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false
  const code = (reason as Error & { code?: unknown }).code
  return reason.name === 'ChunkLoadError' || code === 'CSS_CHUNK_LOAD_FAILED' || /^Loading (CSS )?chunk \S+ failed/.test(reason.message)
}

function explainPageFailure() {
  if (explaining) return
  explaining = true
  void Taro.showModal({
    title: '页面打不开',
    content: navigator.onLine ? '页面没能加载，请检查网络后再试。' : '现在没有网络，这个页面还没有保存在手机上。请联网后再打开。',
    showCancel: false,
    confirmText: '知道了',
    confirmColor: '#b71c1c',
  }).finally(() => {
    explaining = false
  })
}
