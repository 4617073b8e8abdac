import Taro from '@tarojs/taro'
import { create } from 'zustand'

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

/** The API waiting for consent (e.g. "chooseMedia"), or null when nothing is asked. */
export const usePrivacyRequest = create<{ referrer: string | null }>(() => ({ referrer: null }))

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve | null = null
let popups = 0
let listening = false

/**
 * NOTE: WeChat calls this listener when a personal-information API is used before the user agreed
 * to the privacy guide; the API stays pending until `resolve` is called, and an `agree` is only
 * accepted after the `open-type="agreePrivacyAuthorization"` button with that id was tapped.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html
 */
function listen() {
  if (listening || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  listening = true
  Taro.onNeedPrivacyAuthorization((resolve, info) => {
    // A page without the popup cannot ask: refusing makes the call fail (errno 104) instead of hang.
    if (popups === 0) return resolve({ event: 'disagree' })
    pending?.({ event: 'disagree' })
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    usePrivacyRequest.setState({ referrer: info?.referrer ?? '' })
  })
}

/** A page showing the consent popup; returns the cleanup. */
export function popupMounted(): () => void {
  popups++
  listen()
  return () => {
    popups--
  }
}

/** 同意 (after the agree button's own event) or 不同意: the waiting API goes on or fails with errno 104. */
export function answerPrivacy(agree: boolean): void {
  const resolve = pending
  pending = null
  usePrivacyRequest.setState({ referrer: null })
  resolve?.(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
}
