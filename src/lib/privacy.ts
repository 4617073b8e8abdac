/**
 * The mini-program's privacy consent (see privacy.weapp.ts). On H5 the browser asks for each
 * permission itself, so nothing here ever asks: this neutral file is what H5 builds.
 */
import { create } from 'zustand'

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

/** The API waiting for consent (e.g. "chooseMedia"), or null when nothing is asked. */
export const usePrivacyRequest = create<{ referrer: string | null }>(() => ({ referrer: null }))

/** A page showing the consent popup; returns the cleanup. */
export function popupMounted(): () => void {
  return () => undefined
}

export function answerPrivacy(_agree: boolean): void {}
